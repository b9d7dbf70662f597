import { stallReason, type WatchedConsumer } from './stall-watchdog';

describe('stallReason (stall 15 s, join 60 s)', () => {
  const now = 1_000_000;
  const limits = { stallTimeoutMs: 15_000, joinTimeoutMs: 60_000 };
  const lag = (partition: number, value: number) => ({ topic: 't', partition, lag: value });
  const member = (silentMs: number, owned?: number[]): WatchedConsumer => ({
    lastActivityAt: now - silentMs,
    assignment: owned === undefined ? undefined : new Map([['t', owned]]),
  });
  const longAgo = now - 3_600_000;

  it.each([
    ['silent 20 s with lag on an owned partition', member(20_000, [0]), [lag(0, 3)], longAgo, true],
    [
      'silent 20 s, lag only on another member’s partition',
      member(20_000, [0]),
      [lag(0, 0), lag(1, 9)],
      longAgo,
      false,
    ],
    [
      'silent 20 s and nothing to do',
      member(20_000, [0, 1]),
      [lag(0, 0), lag(1, 0)],
      longAgo,
      false,
    ],
    ['busy 1 s ago with a backlog', member(1_000, [0]), [lag(0, 50)], longAgo, false],
    [
      'idle for an hour, lag seen only 2 s ago',
      member(3_600_000, [0]),
      [lag(0, 1)],
      now - 2_000,
      false,
    ],
    [
      'in the group with no partitions (more members than partitions)',
      member(20_000, []),
      [lag(0, 5)],
      longAgo,
      false,
    ],
    [
      'joining for 20 s while others have lag (a slow rebalance)',
      member(20_000),
      [lag(1, 2)],
      longAgo,
      false,
    ],
    ['joining for 70 s with lag anywhere', member(70_000), [lag(1, 2)], longAgo, true],
  ])('%s → stalled: %s', (_situation, watched, lags, behindSince, stalled) => {
    expect(stallReason(watched, lags, now, behindSince, limits) !== undefined).toBe(stalled);
  });
});
