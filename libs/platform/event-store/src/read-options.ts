import { InvalidOptionsError } from './event-store.errors';
import type { Checkpoint, ReadDirection, ReadStreamOptions } from './event-store.port';
import { instantMs } from './event-codec';

/** `ReadStreamOptions` with every bound made explicit, so adapters need no defaulting of their own. */
export interface StreamRange {
  readonly direction: ReadDirection;
  /** Inclusive revision bounds, low ≤ high, whatever the direction. */
  readonly lowRevision: number;
  readonly highRevision: number;
  /** Business-time bounds in epoch ms: fromMs ≤ occurredAt < toMs. */
  readonly fromMs: number;
  readonly toMs: number;
  readonly maxCount: number;
  readonly timeBounded: boolean;
}

const MAX_INSTANT_MS = 8.64e15;

const timeBound = (iso: string | undefined, fallback: number, name: string): number => {
  if (iso === undefined) return fallback;
  const ms = instantMs(iso);
  if (Number.isNaN(ms))
    throw new InvalidOptionsError(`${name} must be an ISO-8601 instant with offset, not ${iso}`);
  return ms;
};

const revision = (value: number | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new InvalidOptionsError(`${name} must be a revision ≥ 0`);
  return value;
};

export const streamRange = (options: ReadStreamOptions = {}): StreamRange => {
  const direction = options.direction ?? 'forwards';
  const forwards = direction === 'forwards';
  const from = revision(
    options.fromRevision,
    forwards ? 0 : Number.MAX_SAFE_INTEGER,
    'fromRevision',
  );
  const to = revision(options.toRevision, forwards ? Number.MAX_SAFE_INTEGER : 0, 'toRevision');
  const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0)
    throw new InvalidOptionsError('maxCount must be ≥ 0');
  return {
    direction,
    lowRevision: forwards ? from : to,
    highRevision: forwards ? to : from,
    fromMs: timeBound(options.fromTime, -MAX_INSTANT_MS, 'fromTime'),
    toMs: timeBound(options.toTime, MAX_INSTANT_MS + 1, 'toTime'),
    maxCount,
    timeBounded: options.fromTime !== undefined || options.toTime !== undefined,
  };
};

export const inTimeRange = (range: StreamRange, occurredAtMs: number): boolean =>
  occurredAtMs >= range.fromMs && occurredAtMs < range.toMs;

/** The exclusive checkpoint as a number: every real position is greater than `'start'`. */
export const afterPosition = (checkpoint: Checkpoint | undefined): number => {
  if (checkpoint === undefined || checkpoint === 'start') return 0;
  if (!Number.isSafeInteger(checkpoint) || checkpoint < 0)
    throw new InvalidOptionsError('a position is an integer ≥ 0');
  return checkpoint;
};

/** An empty prefix list selects every stream. */
export const prefixMatcher = (
  prefixes: readonly string[] | undefined,
): ((stream: string) => boolean) =>
  prefixes === undefined || prefixes.length === 0
    ? () => true
    : (stream) => prefixes.some((prefix) => stream.startsWith(prefix));
