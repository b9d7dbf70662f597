// Internal: turns whatever a transport threw into words for the failure reason.

/**
 * The message of anything thrown, preferring the `cause` Node's fetch hides its reason in
 * ("fetch failed" → "connect ECONNREFUSED 127.0.0.1:4000"). Duck-typed rather than
 * `instanceof Error`: errors from Node internals may come from another realm (e.g. under Jest).
 */
export function describeError(error: unknown): string {
  const cause = fieldOf(error, 'cause');
  // An AggregateError (every address of a host refused) has no message, only a code.
  const code = fieldOf(cause, 'code');
  return (
    messageOf(cause) ??
    (typeof code === 'string' ? code : undefined) ??
    messageOf(error) ??
    String(error)
  );
}

/** The `name` of an error-like value ("TimeoutError", "AbortError"), if any. */
export function errorName(error: unknown): string | undefined {
  const name = fieldOf(error, 'name');
  return typeof name === 'string' ? name : undefined;
}

function fieldOf(value: unknown, field: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[field]
    : undefined;
}

function messageOf(value: unknown): string | undefined {
  const message = fieldOf(value, 'message');
  return typeof message === 'string' && message !== '' ? message : undefined;
}
