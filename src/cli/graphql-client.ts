/**
 * The little of a GraphQL client `npm run ingest -- --endpoint` needs: POST one operation to a
 * running dossier server and tell apart a refused call (its errors) from an unreachable server.
 */
export interface GraphQLCallError {
  message: string;
  code: string;
}

export class EndpointError extends Error {
  override readonly name = 'EndpointError';
}

export interface GraphQLAnswer<TData> {
  status: number;
  data: TData | null;
  errors: GraphQLCallError[];
}

/** `http://host:4000` and `http://host:4000/graphql` both name the API. */
export function graphqlUrl(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new EndpointError(`--endpoint must be an http(s) URL such as http://localhost:4000/graphql, got ${JSON.stringify(endpoint)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EndpointError(`--endpoint must be an http(s) URL, got ${JSON.stringify(endpoint)}`);
  }
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/graphql';
  return url;
}

export async function callGraphQL<TData>(
  url: URL,
  query: string,
  variables: Record<string, unknown>,
  apiKey: string | undefined,
): Promise<GraphQLAnswer<TData>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new EndpointError(`cannot reach ${url.href}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  const body = await response.text();
  let parsed: { data?: TData | null; errors?: { message?: string; extensions?: { code?: string } }[] };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    throw new EndpointError(`${url.href} answered HTTP ${response.status} with something that is not GraphQL: ${body.slice(0, 200)}`);
  }
  return {
    status: response.status,
    data: parsed.data ?? null,
    errors: (parsed.errors ?? []).map((error) => ({
      message: error.message ?? 'unknown error',
      code: error.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
    })),
  };
}
