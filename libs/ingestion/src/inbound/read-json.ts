import { isUtf8 } from 'node:buffer';
import { reject, type Rejection } from './rejection';

export interface JsonObject {
  readonly kind: 'json';
  readonly text: string;
  readonly object: Readonly<Record<string, unknown>>;
}

/** Bytes to a JSON object; messages are UTF-8 JSON objects (CONTRACTS.md). */
export const readJsonObject = (value: Buffer): JsonObject | Rejection => {
  // Invalid UTF-8 would decode to U+FFFD and be booked as someone's name; refuse it instead.
  if (!isUtf8(value)) return reject('malformed-json', 'the message is not UTF-8 text');
  const text = value.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return reject('malformed-json', error instanceof Error ? error.message : String(error));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return reject('schema-violation', 'a message is a JSON object');
  }
  return { kind: 'json', text, object: parsed as Record<string, unknown> };
};
