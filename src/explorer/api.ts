import type { TypedDocumentString } from './gql/graphql.js';

/** A GraphQL error as the API sends it, with its code (BAD_USER_INPUT, UNAUTHENTICATED, …). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const KEY_STORAGE = 'dossier.writeKey';

/** The write key (API_KEY), kept for the tab only. */
export const writeKey = {
  get: (): string => sessionStorage.getItem(KEY_STORAGE) ?? '',
  set: (key: string): void => {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  },
};

/**
 * Sends one typed operation to this server's /graphql. JSON content type: never a "simple"
 * request, so CSRF prevention lets it through.
 */
export async function request<TResult, TVariables>(
  operation: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const key = writeKey.get();
  if (key) headers.authorization = `Bearer ${key}`;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: operation.toString(), variables }),
    signal,
  });
  let body: { data?: TResult | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`The server answered ${response.status} ${response.statusText}`, undefined);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code);
  if (!body.data) throw new ApiError(`The server answered ${response.status} with no data`, undefined);
  return body.data;
}
