import { UnknownEventTypeError } from './event-store.errors';
import type { RecordedEvent } from './event-store.port';

/**
 * Turns recorded events back into domain events. The store is type-agnostic, so a type this build
 * does not know (written by a newer version, or retired) comes back like any other; the reader
 * must decide what it means. Nothing here drops it:
 *
 * - `decode` returns a union; the typed event sits behind `kind === 'known'`, so code that wants
 *   it has to look at the other case too (the compiler sees the check).
 * - `decodeAll` takes a required `onUnknown`: `'fail'` (stop: a fold that misses a fact is wrong)
 *   or a handler (park it, count it, dead-letter it). There is no "ignore" default.
 */

/** One decoder (and upcaster) per known type: it may read `metadata.schemaVersion` to upcast. */
export type EventDecoders<E> = { readonly [type: string]: (recorded: RecordedEvent) => E };

export type Decoded<E> =
  | { readonly kind: 'known'; readonly event: E; readonly recorded: RecordedEvent }
  | { readonly kind: 'unknown'; readonly type: string; readonly recorded: RecordedEvent };

export type OnUnknownEventType =
  'fail' | ((unknown: Extract<Decoded<never>, { kind: 'unknown' }>) => void | Promise<void>);

export const decode = <E>(recorded: RecordedEvent, decoders: EventDecoders<E>): Decoded<E> => {
  const decoder = Object.hasOwn(decoders, recorded.type) ? decoders[recorded.type] : undefined;
  return decoder === undefined
    ? { kind: 'unknown', type: recorded.type, recorded }
    : { kind: 'known', event: decoder(recorded), recorded };
};

/** Known events, in order; every unknown one goes to `onUnknown` before the read continues. */
export async function* decodeAll<E>(
  events: AsyncIterable<RecordedEvent>,
  decoders: EventDecoders<E>,
  onUnknown: OnUnknownEventType,
): AsyncGenerator<E> {
  for await (const recorded of events) {
    const decoded = decode(recorded, decoders);
    if (decoded.kind === 'known') {
      yield decoded.event;
    } else if (onUnknown === 'fail') {
      throw new UnknownEventTypeError(decoded.type, recorded.stream, recorded.revision);
    } else {
      await onUnknown(decoded);
    }
  }
}
