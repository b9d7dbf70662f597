// Detects a consumer that has work but makes no progress, the failure mode kafkajs shows after
// a broker restart (issues #267, #659, #1513): no error, no crash event, just silence. Work is
// lag on the partitions this member owns; progress is any handler call starting or ending.
import type { ConsumerObserver } from './consumer-observer';
import type { PartitionLag } from './group-lag';

export interface WatchedConsumer {
  /** Last handler call start or end, group join, or rebalance start (epoch ms). */
  readonly lastActivityAt: number;
  /** Partitions per topic this member owns; undefined while it is not (or re-)joining. */
  readonly assignment: ReadonlyMap<string, readonly number[]> | undefined;
}

export interface StallLimits {
  /** Allowed silence for a member of the group with lag on its partitions. */
  readonly stallTimeoutMs: number;
  /** Allowed silence while joining: a join legitimately waits for slow members to rejoin. */
  readonly joinTimeoutMs: number;
}

export interface StallWatchdogDeps<T extends WatchedConsumer> {
  readonly intervalMs: number;
  readonly limits: StallLimits;
  readonly readLag: () => Promise<PartitionLag[]>;
  /** The consumer to watch now; undefined while none is running (rebuilding, stopping). */
  readonly current: () => T | undefined;
  readonly onStall: (watched: T, reason: string) => void;
  readonly observer: Required<ConsumerObserver>;
}

export class StallWatchdog<T extends WatchedConsumer> {
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;
  private running = false;
  /** When lag was first seen on the watched consumer: idle with nothing to do is no stall. */
  private behind: { readonly watched: T; readonly since: number } | undefined;

  constructor(private readonly deps: StallWatchdogDeps<T>) {}

  start(): void {
    this.running = true;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.tick;
  }

  // A chain of timeouts, not an interval: a slow offset fetch never overlaps the next one.
  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.tick = this.check().finally(() => this.schedule());
    }, this.deps.intervalMs);
  }

  private async check(): Promise<void> {
    const watched = this.deps.current();
    if (watched === undefined) return;
    let lags: PartitionLag[];
    try {
      lags = await this.deps.readLag();
    } catch (error) {
      // Broker unreachable: rebuilding now would only churn; kafkajs' crash path covers it.
      this.deps.observer.onWatchdogError(error);
      return;
    }
    if (!this.running || this.deps.current() !== watched) return;
    for (const l of owned(watched, lags) ?? [])
      this.deps.observer.onLag(l.topic, l.partition, l.lag);
    const now = Date.now();
    const hasWork = relevant(watched, lags).some((l) => l.lag > 0);
    if (!hasWork || this.behind?.watched !== watched)
      this.behind = hasWork ? { watched, since: now } : undefined;
    const reason = stallReason(watched, lags, now, this.behind?.since ?? now, this.deps.limits);
    if (reason !== undefined) this.deps.onStall(watched, reason);
  }
}

/**
 * Why the watched consumer counts as stalled, or undefined. Silence is measured from the later
 * of its last activity and the moment lag was first seen (`behindSince`).
 */
export function stallReason(
  watched: WatchedConsumer,
  lags: readonly PartitionLag[],
  now: number,
  behindSince: number,
  limits: StallLimits,
): string | undefined {
  const behind = relevant(watched, lags).filter((l) => l.lag > 0);
  if (behind.length === 0) return undefined;
  const silentMs = now - Math.max(watched.lastActivityAt, behindSince);
  const joining = watched.assignment === undefined;
  if (silentMs <= (joining ? limits.joinTimeoutMs : limits.stallTimeoutMs)) return undefined;
  const total = behind.reduce((sum, l) => sum + l.lag, 0);
  const where = behind.map((l) => `${l.topic}[${l.partition}]`).join(', ');
  const member = joining ? 'not in the group' : 'in the group';
  return `stalled: ${member}, no progress for ${silentMs} ms, lag ${total} on ${where}`;
}

/** Lag this member answers for: its own partitions, or all of them while it has none yet. */
function relevant(
  watched: WatchedConsumer,
  lags: readonly PartitionLag[],
): readonly PartitionLag[] {
  return owned(watched, lags) ?? lags;
}

function owned(
  watched: WatchedConsumer,
  lags: readonly PartitionLag[],
): PartitionLag[] | undefined {
  const assignment = watched.assignment;
  if (assignment === undefined) return undefined;
  return lags.filter((l) => assignment.get(l.topic)?.includes(l.partition) === true);
}
