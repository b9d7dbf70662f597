// A simulated branch streamed through Kafka into the three services (separate processes, one
// embedded store, a real SMTP server): the alerts raised, escalated and notified are the ones the
// backtest predicts for the same history and policy.
//
// The feed goes in a bank day at a time, as the bank's systems send it over real days. The last
// describe pours the same feed, already in Kafka, into a fresh store at once, as a first load or
// a backlog after an outage would come: the three topics' 18 partitions are consumed side by
// side and the store's order is no longer business-time order (one partition runs months ahead
// of another). The risk engine holds facts behind its per-source watermark (libs/risk README,
// "How the engine decides when to assess") and must still decide what the backtest decides.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadAlertingConfig } from '@churn/alerting';
import { bankDayOfInstant } from '@churn/domain-facts';
import type { RecordedEvent } from '@churn/event-store';
import { waitUntil } from '@churn/messaging/testing';
import { DEFAULT_RISK_POLICY_FILE, loadRiskPolicy } from '@churn/risk';
import {
  alertsOf,
  differences,
  feedFacts,
  firstRaises,
  perCustomer,
  replayRisk,
  type AlertRow,
  type RiskRow,
} from '../support/backtest-prediction';
import { simulatedBranchFeed, type BranchFeed } from '../support/branch-feed';
import { startE2e, streamDays, type E2e } from '../support/e2e-harness';
import { accountEscalations, escalationRows } from '../support/escalation-accounting';
import { accountNotifications, notificationRows } from '../support/notification-accounting';
import { Pipeline } from '../support/pipeline';
import { healthDetail, waitSettled, type RiskEngineDetail } from '../support/pipeline-status';
import { readPipelineStore, type StoredPipeline } from '../support/pipeline-store';
import { printTable } from '../support/report-table';
import { StoreWatch } from '../support/store-watch';

const BRANCH = { seed: 11, customers: 300, years: 2, churnRate: 1 };
const CLOCK_SPEED = 20_000;
const TICK_MS = 250;
/** SLA time a timer tick may take to come round on a busy machine. */
const GRACE_MS = CLOCK_SPEED * (TICK_MS + 2_000);

jest.setTimeout(600_000);

const riskPolicy = loadRiskPolicy(DEFAULT_RISK_POLICY_FILE);
const alerting = loadAlertingConfig(
  'deploy/policy/alerting-policy.yaml',
  'deploy/directory/branch-staff.yaml',
);
let e2e: E2e;
let feed: BranchFeed;
let stored: StoredPipeline;
let predicted: { risk: RiskRow[]; alerts: Map<string, AlertRow>; belowMinimum: Set<string> };
let checkedAt: Date;
let backlog: Pipeline | undefined;
let backlogStored: StoredPipeline;
/** The backtest's risk events, all of them: the ones on days the engine has not closed yet included. */
let backtestRisk: RiskRow[];
/** The first bank day each risk engine had not closed at the end (its watermark). */
let liveOpenFrom: string;
let backlogOpenFrom: string;
let backlogPredicted: RiskRow[];

/** The risk engine's clock, from its /health (libs/risk `RiskEngineRunner`). */
type EngineClock = RiskEngineDetail & { readonly openFrom?: string | null };

/**
 * A feed is finite: the days after the last fact of a partition still holding the watermark stay
 * open until more facts come (libs/risk README, "The watermark"). Risk is compared on the days
 * the engine has closed, and the days left open must be the feed's last few.
 */
const closedBefore = (rows: readonly RiskRow[], openFrom: string): RiskRow[] =>
  rows.filter((r) => r.assessedOn < openFrom);

const openDays = (openFrom: string): number => {
  const last = feed.days[feed.days.length - 1]?.day ?? 0;
  return last - Date.parse(`${openFrom}T00:00:00Z`) / 86_400_000 + 1;
};

const clockOf = async (pipeline: Pipeline): Promise<string> => {
  const detail = await healthDetail<EngineClock>(pipeline.get('risk-engine'), 'risk-engine');
  return detail?.openFrom ?? '0000-00-00';
};

const showRaise = (r: RiskRow | undefined): string => (r ? `${r.assessedOn} ${r.band}` : '-');
const showAlert = (a: AlertRow | undefined): string =>
  a ? `${a.assessedOn} ${a.severity} ${a.valueTier}` : '-';

beforeAll(async () => {
  feed = simulatedBranchFeed(BRANCH);
  backtestRisk = replayRisk(riskPolicy, feedFacts(feed.messages)).rows;
  e2e = await startE2e('backtest', { clockSpeed: CLOCK_SPEED, alertingIntervalMs: TICK_MS });
  await e2e.pipeline.startAll();
  await streamDays(e2e, feed.days);
  await waitSettled(e2e.pipeline, e2e.watch, feed.facts);
  liveOpenFrom = await clockOf(e2e.pipeline);
  const closed = closedBefore(backtestRisk, liveOpenFrom);
  predicted = { risk: closed, ...alertsOf(closed, alerting.policy) };
  // Let SLA time run on (about 2 days) so that the ladder climbs, then stop alerting:
  // every deadline due by then (less one tick's reach) must have fired.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  checkedAt = e2e.pipeline.clockNow();
  await e2e.pipeline.stopAll();
  stored = await readPipelineStore(e2e.pipeline.storePath);
  backlogStored = await pourBacklog();
}, 600_000);

afterAll(async () => {
  await backlog?.killAll();
  await e2e?.dispose();
}, 60_000);

/**
 * The feed, all in the topics by now, consumed by a new group into a new store: ingestion and
 * the risk engine only (what the risk engine makes of a backlog is the question).
 */
async function pourBacklog(): Promise<StoredPipeline> {
  const dir = join(e2e.slate.dir, 'backlog');
  mkdirSync(dir);
  backlog = new Pipeline({
    brokers: e2e.broker.brokers,
    dataDir: dir,
    groupId: `${e2e.slate.groupId}.backlog`,
    smtp: null,
    clock: { speed: 1, anchorMs: Date.now() },
  });
  const pipeline = backlog;
  await Promise.all([pipeline.start('ingestion'), pipeline.start('risk-engine')]);
  const watch = new StoreWatch(pipeline.storePath);
  try {
    let since = 0;
    let end = -1;
    await waitUntil(
      async () => {
        const risk = await healthDetail<RiskEngineDetail>(
          pipeline.get('risk-engine'),
          'risk-engine',
        );
        const last = watch.lastPosition('customer-');
        const there =
          watch.factsStored() >= feed.facts && risk !== undefined && risk.position >= last;
        if (!there || last !== end) [since, end] = [Date.now(), there ? last : -1];
        return there && Date.now() - since >= 1_500;
      },
      { timeoutMs: 180_000, intervalMs: 250, what: () => `backlog not in\n${pipeline.outputs()}` },
    );
    backlogOpenFrom = await clockOf(pipeline);
    backlogPredicted = closedBefore(backtestRisk, backlogOpenFrom);
  } finally {
    watch.close();
  }
  await pipeline.stopAll();
  return readPipelineStore(pipeline.storePath);
}

/** Facts stored after a fact of a later bank day: the engine had closed their day already. */
const lateFacts = (facts: readonly RecordedEvent[]): number => {
  let latest = -Infinity;
  let late = 0;
  for (const f of facts) {
    const day = bankDayOfInstant(String((f.data as { occurredAt: string }).occurredAt)) ?? latest;
    if (day < latest) late += 1;
    latest = Math.max(latest, day);
  }
  return late;
};

describe('a simulated branch streamed through Kafka, a bank day at a time', () => {
  it('stores every fact of the feed once', () => {
    expect(stored.facts).toHaveLength(feed.facts);
    expect(stored.duplicateIds).toEqual([]);
  });

  it('raises the churn risks the backtest predicts, on the same days and bands', () => {
    const pipeline = firstRaises(stored.risk);
    const backtest = firstRaises(predicted.risk);
    expect(differences(backtest, pipeline, showRaise)).toEqual([]);
    // Not only the first raise: every risk event, in each customer's order, with its signals.
    expect(differences(perCustomer(predicted.risk), perCustomer(stored.risk), String)).toEqual([]);
  });

  it('raises one alert per customer whose risk reaches the tier minimum, as predicted', () => {
    expect(stored.customersWithTwoAlerts).toEqual([]);
    expect(differences(predicted.alerts, stored.raised, showAlert)).toEqual([]);
    // Legitimate difference between risk and alerts: risk below the customer's value tier's
    // minimum severity (policy routing: ordinary customers alert only at critical) raises none.
    const riskCustomers = new Set(predicted.risk.map((r) => r.customerId));
    expect(riskCustomers.size).toBe(predicted.alerts.size + predicted.belowMinimum.size);
  });

  it('fires every escalation that came due, once, and none early', () => {
    const account = accountEscalations(
      stored.events,
      new Date(checkedAt.getTime() - GRACE_MS),
      GRACE_MS,
      (ms) => e2e.pipeline.clockNow(ms).getTime(),
    );
    printTable('backtest-match: escalations (SLA time ×20,000)', escalationRows(account));
    expect(account.fired).toBeGreaterThan(0);
    expect(account.firedTwice).toEqual([]);
    expect(account.firedEarly).toEqual([]);
    expect(account.dueUnfired).toEqual([]);
    expect(account.missed).toEqual([]);
    expect(account.due).toBe(account.fired);
  });

  it('sends every notification asked for, once, to the person it names', () => {
    const account = accountNotifications(stored.alerts, e2e.smtp.messages, alerting.directory);
    printTable('backtest-match: notifications (real SMTP server)', notificationRows(account));
    expect(account.requested).toBeGreaterThan(0);
    expect(account.unknown).toEqual([]);
    expect(account.misaddressed).toEqual([]);
    expect(account.lost).toEqual([]);
    expect(account.sentTwice).toEqual([]);
    expect(account.unrecorded).toEqual([]);
    expect(account.repeated).toBe(0);
    expect(account.waiting + account.undeliverable).toBe(0);
    expect(account.received).toBe(account.requested);
  });

  it('prints what was compared', () => {
    printTable('backtest-match: the branch, the backtest and the pipeline', [
      [
        'branch',
        `seed ${BRANCH.seed}, ${BRANCH.customers} customers × ${BRANCH.years} years, ${feed.lost} lost`,
      ],
      [
        'messages / facts / bank days',
        `${feed.messages.length} / ${feed.facts} / ${feed.days.length}`,
      ],
      [
        'days the engine has not closed at the end (watermark)',
        `${openDays(liveOpenFrom)}, from ${liveOpenFrom}: ${backtestRisk.length - predicted.risk.length} backtest risk events still to come`,
      ],
      ['risk events: backtest = pipeline', `${predicted.risk.length} = ${stored.risk.length}`],
      ['customers at risk', new Set(predicted.risk.map((r) => r.customerId)).size],
      ['alerts: backtest = pipeline', `${predicted.alerts.size} = ${stored.raised.size}`],
      ['risk below the tier minimum (no alert)', predicted.belowMinimum.size],
    ]);
    expect(openDays(liveOpenFrom)).toBeLessThanOrEqual(31);
    expect(stored.risk).toHaveLength(predicted.risk.length);
  });
});

describe('the same feed poured into a fresh store at once, as a backlog', () => {
  it('stores every fact once, out of business-time order', () => {
    expect(backlogStored.facts).toHaveLength(feed.facts);
    expect(backlogStored.duplicateIds).toEqual([]);
    expect(lateFacts(backlogStored.facts)).toBeGreaterThan(0);
  });

  it('raises the churn risks the backtest predicts, every event in each customer’s order', () => {
    const expected = alertsOf(backlogPredicted, alerting.policy).alerts;
    const fromFeed = differences(
      perCustomer(backlogPredicted),
      perCustomer(backlogStored.risk),
      String,
    );
    const alerts = alertsOf(backlogStored.risk, alerting.policy).alerts;
    printTable('backtest-match: the feed poured in at once (a backlog), against the backtest', [
      [
        'facts stored after a later bank day’s fact',
        `${lateFacts(backlogStored.facts)} of ${backlogStored.facts.length}`,
      ],
      [
        'customers whose risk events differ from the backtest',
        `${fromFeed.length} of ${new Set([...backlogPredicted, ...backlogStored.risk].map((r) => r.customerId)).size} at risk`,
      ],
      [
        'days the engine has not closed at the end (watermark)',
        `${openDays(backlogOpenFrom)}, from ${backlogOpenFrom}: ${backtestRisk.length - backlogPredicted.length} backtest risk events still to come`,
      ],
      [
        'risk events: backtest = backlog',
        `${backlogPredicted.length} = ${backlogStored.risk.length}`,
      ],
      ['alerts the policy would raise: backtest = backlog', `${expected.size} = ${alerts.size}`],
      [
        'alerts on another day, severity or customer',
        differences(expected, alerts, showAlert).length,
      ],
    ]);
    expect(openDays(backlogOpenFrom)).toBeLessThanOrEqual(31);
    expect(fromFeed).toEqual([]);
    expect(differences(expected, alerts, showAlert)).toEqual([]);
    expect(backlogStored.risk).toHaveLength(backlogPredicted.length);
  });
});
