import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlertBook,
  AlertingEngine,
  AlertRepository,
  DeadlineHeap,
  EscalationTimers,
  toNewEvents,
  type AlertingConfig,
} from '@churn/alerting';
import { ManualClock, riskEvent, type RiskEventSpec } from '@churn/alerting/testing';
import {
  decideAlert,
  initialAlertState,
  nextDeadline,
  type AlertingPolicy,
  type AlertState,
} from '@churn/domain-alert';
import {
  alertCustomer,
  raiseCommand,
  TEST_DIRECTORY,
  TEST_POLICY,
} from '@churn/domain-alert/testing';
import { SqliteEventStore, type NewEvent } from '@churn/event-store';
import { percentile, timeRuns, type Benchmark, type BenchRow } from './bench-table';

/**
 * The alerting engine under load, each figure against a raw baseline measured in the same run:
 *
 * - A salary-day storm: 10,000 `ChurnRiskRaised` (wealth-management customers, critical, so each
 *   alert notifies its RM at once) appended to customer streams of an embedded SQLite store
 *   while the engine runs: the time until every alert's first notification is recorded as
 *   delivered (inbox channel). Baseline: the same 10,000 appends to 10,000 streams, no alerting.
 * - The escalation-timer check with 100,000 open alerts: one `tick()` when nothing is due, and
 *   when about 1,000 deadlines are due (each fired: decided, appended, read back). Baseline: a
 *   plain loop over 100,000 deadlines, what a timer without the heap would do every tick.
 *
 * The store commits with synchronous=FULL, as the service runs it; BENCH_ALERT_SYNC=NORMAL,
 * BENCH_ALERT_STORM and BENCH_OPEN_ALERTS change that. About 30 s on two cores.
 */
const STORM = Number(process.env['BENCH_ALERT_STORM'] ?? 10_000);
const OPEN_ALERTS = Number(process.env['BENCH_OPEN_ALERTS'] ?? 100_000);
const DUE = 1_000;
const CHUNK = 500;
const RUNS = 51;
const SYNC = (process.env['BENCH_ALERT_SYNC'] ?? 'FULL') as 'FULL' | 'NORMAL';

const INBOX_ONLY: AlertingPolicy = {
  ...TEST_POLICY,
  channels: { rm: ['inbox'], supervisor: ['inbox'], 'branch-head': ['inbox'] },
};
const CONFIG: AlertingConfig = { policy: INBOX_ONLY, directory: TEST_DIRECTORY };
const RMS = ['RM-1', 'RM-2', 'RM-3'];
const TEAMS: Readonly<Record<string, string>> = { 'RM-1': 'T-1', 'RM-2': 'T-1', 'RM-3': 'T-2' };

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

const stormSpec = (i: number): RiskEventSpec => {
  const rm = RMS[i % RMS.length] as string;
  return {
    customerId: `C${String(i).padStart(8, '0')}`,
    tier: 'wealth-management',
    band: 'critical',
    relationshipManagerId: rm,
    teamId: TEAMS[rm] ?? null,
  };
};

/** Appends in chunks issued together: one group commit per chunk, as the risk engine does. */
const appendAll = async (
  store: SqliteEventStore,
  appends: readonly { readonly stream: string; readonly event: NewEvent }[],
): Promise<void> => {
  for (let from = 0; from < appends.length; from += CHUNK)
    await Promise.all(
      appends
        .slice(from, from + CHUNK)
        .map(({ stream, event }) => store.append(stream, [event], { expectedRevision: 'any' })),
    );
};

const withStore = async <T>(
  name: string,
  fn: (store: SqliteEventStore) => Promise<T>,
): Promise<T> => {
  const dir = mkdtempSync(join(tmpdir(), `alerting-bench-${name}-`));
  const store = SqliteEventStore.open(join(dir, 'events.db'), { synchronous: SYNC });
  try {
    return await fn(store);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Seconds from the first risk append until every alert's first notification is recorded. */
const storm = (): Promise<{ seconds: number; alerts: number }> =>
  withStore('storm', async (store) => {
    const engine = new AlertingEngine(
      { store, checkpoints: store.checkpointStore() },
      { config: CONFIG, timers: { intervalMs: 0 }, dispatcher: { intervalMs: 0 } },
    );
    await engine.start();
    const notified = new Set<string>();
    const done = new Promise<void>((resolve) =>
      engine.book.onChange(({ event, alertId }) => {
        if (event.type !== 'AlertNotificationAttempted' || event.data.outcome !== 'delivered')
          return;
        notified.add(alertId);
        if (notified.size === STORM) resolve();
      }),
    );
    const appends = Array.from({ length: STORM }, (_, i) => riskEvent(stormSpec(i)));
    const start = process.hrtime.bigint();
    await appendAll(store, appends);
    await done;
    const elapsed = seconds(start);
    await engine.stop();
    return { seconds: elapsed, alerts: engine.book.size };
  });

const rawAppends = (): Promise<number> =>
  withStore('raw', async (store) => {
    const appends = Array.from({ length: STORM }, (_, i) => riskEvent(stormSpec(i)));
    const start = process.hrtime.bigint();
    await appendAll(store, appends);
    return seconds(start);
  });

/** 100,000 alerts raised through the working day of TEST_AT (one every ~0.29 s), stored directly. */
const seedOpenAlerts = async (store: SqliteEventStore): Promise<void> => {
  const dayStart = Date.parse('2026-12-01T01:00:00.000Z');
  const spacing = (8 * 3_600_000) / OPEN_ALERTS;
  const batches: { stream: string; events: NewEvent[] }[] = [];
  for (let i = 0; i < OPEN_ALERTS; i++) {
    const alertId = `T-${i}`;
    const at = new Date(dayStart + Math.floor(i * spacing)).toISOString();
    const customer = alertCustomer({
      customerId: `C-${i}`,
      tier: 'wealth-management',
      valueTier: 'wealth-management',
    });
    const events = decideAlert(raiseCommand({ alertId, customer, at }), initialAlertState());
    batches.push({
      stream: `alert-${alertId}`,
      events: toNewEvents(alertId, 0, events, { commandId: `seed-${i}` }),
    });
  }
  for (let from = 0; from < batches.length; from += CHUNK)
    await Promise.all(
      batches
        .slice(from, from + CHUNK)
        .map(({ stream, events }) =>
          store.append(stream, events, { expectedRevision: 'no_stream' }),
        ),
    );
};

/** p50 ms of finding the first `DUE` of these deadlines in a heap of them all (built untimed). */
const heapCheckMs = (dues: readonly number[]): number => {
  const durations: number[] = [];
  for (let run = 0; run < 21; run++) {
    const heap = new DeadlineHeap();
    dues.forEach((dueMs, i) =>
      heap.track(`T-${i}`, 0, {
        rule: 'rm/acknowledge',
        dueAt: new Date(dueMs).toISOString(),
        escalatesTo: 'supervisor',
      }),
    );
    const now = dues[DUE - 1] ?? 0;
    const start = process.hrtime.bigint();
    if (heap.takeDue(now).length < DUE) throw new Error('fewer deadlines due than set up');
    durations.push(seconds(start) * 1000);
  }
  return percentile(durations, 50);
};

interface TimerFigures {
  readonly checkMs: number;
  readonly idleMs: number;
  readonly dueMs: number;
  readonly dueCount: number;
  readonly sweepMs: number;
  readonly foldSeconds: number;
}

const timerCheck = (): Promise<TimerFigures> =>
  withStore('timers', async (store) => {
    await seedOpenAlerts(store);
    const clock = new ManualClock('2026-12-01T00:00:00.000Z');
    const book = new AlertBook(store);
    const repository = new AlertRepository(store);
    const timers = new EscalationTimers(book, repository, clock, CONFIG, {
      intervalMs: 0,
      concurrency: 32,
    });
    const foldStart = process.hrtime.bigint();
    await book.start();
    timers.start();
    const foldSeconds = seconds(foldStart);
    const dues = [...book.all()]
      .map((v) => Date.parse(nextDeadline(v.state as AlertState)?.dueAt ?? ''))
      .sort((a, b) => a - b);
    clock.set(new Date((dues[0] ?? 0) - 60_000).toISOString());
    for (let i = 0; i < 5; i++) await timers.tick();
    const idle: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      await timers.tick();
      idle.push(seconds(start) * 1000);
    }
    const due: number[] = [];
    let dueCount = 0;
    for (let round = 1; round <= 3; round++) {
      clock.set(new Date(dues[round * DUE - 1] ?? 0).toISOString());
      const start = process.hrtime.bigint();
      const report = await timers.tick();
      due.push(seconds(start) * 1000);
      dueCount += report.fired;
    }
    let sink = 0;
    const now = dues[0] ?? 0;
    const sweepMs = percentile(
      timeRuns(RUNS, () => {
        for (const dueMs of dues) if (dueMs <= now) sink += 1;
      }),
      50,
    );
    if (sink < 0) process.stderr.write('unreachable\n');
    await timers.stop();
    await book.stop();
    return {
      checkMs: heapCheckMs(dues),
      idleMs: percentile(idle, 50),
      dueMs: percentile(due, 50),
      dueCount: dueCount / 3,
      sweepMs,
      foldSeconds,
    };
  });

export const alertingBenchmark: Benchmark = {
  name: 'alerting',
  async run(): Promise<readonly BenchRow[]> {
    const raw = await rawAppends();
    const stormed = await storm();
    const timers = await timerCheck();
    const n = STORM.toLocaleString('en-US');
    const open = OPEN_ALERTS.toLocaleString('en-US');
    return [
      {
        bench: 'alerting',
        measure: `salary-day storm: ${n} ChurnRiskRaised appended → every first notification recorded (inbox), embedded store; baseline: the ${n} appends alone`,
        value: stormed.seconds,
        unit: 's',
        baseline: raw,
      },
      {
        bench: 'alerting',
        measure: `same storm, alerts raised and notified per second (${stormed.alerts.toLocaleString('en-US')} alerts)`,
        value: stormed.alerts / stormed.seconds,
        unit: 'alerts/s',
        baseline: STORM / raw,
      },
      {
        bench: 'alerting',
        measure: `escalation timer tick, ${open} open alerts, nothing due (p50 of ${RUNS}); baseline: a loop over ${open} deadlines`,
        value: timers.idleMs * 1000,
        unit: 'µs',
        baseline: timers.sweepMs * 1000,
      },
      {
        bench: 'alerting',
        measure: `finding ${DUE.toLocaleString('en-US')} due deadlines among ${open} (the timers' heap), p50 of 21; baseline: a loop over ${open} deadlines`,
        value: timers.checkMs,
        unit: 'ms',
        baseline: timers.sweepMs,
      },
      {
        bench: 'alerting',
        measure: `escalation timer tick, ${open} open alerts, ~${DUE.toLocaleString('en-US')} due (${Math.round(timers.dueCount)} fired and appended, median of 3)`,
        value: timers.dueMs,
        unit: 'ms',
        baseline: timers.sweepMs,
      },
      {
        bench: 'alerting',
        measure: `start-up: fold ${open} open alerts from the store and build the deadline heap`,
        value: timers.foldSeconds,
        unit: 's',
      },
    ];
  },
};
