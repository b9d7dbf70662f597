/**
 * The console's one way to the server: same origin, `Authorization: Bearer <token>`, JSON.
 * A route this system does not serve (yet) is `RouteNotServed`, so a page shows "not available"
 * instead of an error; 401 ends the session; other failures carry the server's message and code.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export class RouteNotServed extends Error {
  constructor(readonly path: string) {
    super(`${path} is not served here`);
    this.name = 'RouteNotServed';
  }
}

export type Query = Readonly<Record<string, string | number | undefined | null>>;

let tokenSource: () => string | null = () => null;
let onUnauthorized: () => void = () => undefined;

/** The session tells the client where the token is and what to do when it is refused. */
export const configureClient = (options: {
  readonly token: () => string | null;
  readonly unauthorized: () => void;
}): void => {
  tokenSource = options.token;
  onUnauthorized = options.unauthorized;
};

export const withQuery = (path: string, query: Query = {}): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
};

interface ErrorBody {
  readonly message?: string | readonly string[];
  readonly code?: string;
  readonly error?: string;
}

/** Nest answers a route nobody mapped with 404 "Cannot GET /path": that is "not served". */
const isUnmappedRoute = (status: number, body: ErrorBody): boolean =>
  status === 501 ||
  (status === 404 && typeof body.message === 'string' && body.message.startsWith('Cannot '));

const request = async <T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  token: string | null = tokenSource(),
): Promise<T> => {
  const response = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const parsed: unknown = text === '' ? null : safeJson(text);
  if (response.ok) return parsed as T;
  const error = (parsed ?? {}) as ErrorBody;
  if (isUnmappedRoute(response.status, error)) throw new RouteNotServed(path.split('?')[0] ?? path);
  if (response.status === 401 && token !== null) onUnauthorized();
  const message = Array.isArray(error.message)
    ? error.message.join('; ')
    : ((error.message as string | undefined) ?? error.error ?? response.statusText);
  throw new ApiError(response.status, message, error.code ?? null, path);
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 500) };
  }
};

export const get = <T>(path: string, query?: Query): Promise<T> =>
  request<T>('GET', withQuery(path, query));

/** A GET with a token that is not the session's (yet): checking a pasted token. */
export const getAs = <T>(token: string, path: string): Promise<T> =>
  request<T>('GET', path, undefined, token);

export const post = <T>(path: string, body: unknown = {}): Promise<T> =>
  request<T>('POST', path, body);
