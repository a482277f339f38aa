import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { IncomingMessage } from 'node:http';

/** Yoga's own default for maxRequestBodySize, kept. */
export const MAX_REQUEST_BODY_BYTES = 25_000_000;

const CONTENT_LENGTH = /^\d+$/;

const tooLarge = () =>
  new GraphQLError('Request body too large', {
    extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } },
  });

/**
 * The request-body limit (in place of Yoga's maxRequestBodySize, which is turned off), at no cost
 * where counting buys nothing. Yoga pipes every body through a counting TransformStream and
 * builds a second Request around it: 3-4 % of the API server's CPU under load (bench CPU
 * profile, depth 3), most of it Node's stream pipeline and the AbortError it builds when the
 * pipe finishes. A request that came through Node's HTTP server with a valid Content-Length
 * cannot carry more bytes than it declares (Node's parser ends the body there), so the header
 * check is the whole limit; a body of unknown length (chunked, or an in-process Request) is
 * still counted as it streams. Same refusals as Yoga's: 413 REQUEST_ENTITY_TOO_LARGE, and 400
 * for a Content-Length that is not one non-negative integer.
 */
export function limitRequestBody(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, serverContext, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!CONTENT_LENGTH.test(declared)) {
          throw new GraphQLError('Content-Length header is invalid.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
        if (Number(declared) > maxBytes) throw tooLarge();
        const req = (serverContext as { req?: unknown } | undefined)?.req;
        if (req instanceof IncomingMessage) return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((original) => parse(countingBody(original, maxBytes, fetchAPI)));
    },
  };
}

/** The same request with a body that fails once more than `maxBytes` have streamed through. */
function countingBody(request: Request, maxBytes: number, fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream }): Request {
  let bytes = 0;
  // A native body pipes only into a native stream, a ponyfilled one into a ponyfilled one.
  const Transform = request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  const counted = request.body!.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes > maxBytes) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: counted,
    // @ts-expect-error Node's fetch needs it for a streamed body; the DOM types do not know it.
    duplex: 'half',
  });
}
