// A payroll day at the thesis's branch: every employer of Table 3.4 pays at once (19,016 credits
// in ten batch messages, DOMAIN.md §3) on top of a simulated branch's normal flow, streamed
// through Kafka into the three services. Every credit is stored once, the pipeline catches up,
// and the console's APIs answer all along: the alerting service's /alerts and /escalations (the
// inbox), the audit API's branch dashboards and customer state, the risk engine's customer risk,
// asked as the branch head would, with a staff token.
import { resolve } from 'node:path';
import { consoleBuilt } from '@churn/console';
import { buildConsole } from '../support/console-system';
import { StaffTokens, alertingAuthOptionsFromEnv, systemClock, tokenKeysOf } from '@churn/alerting';
import type { PayrollCredited } from '@churn/domain-facts';
import { bankDate } from '@churn/domain-kernel';
import { payrollBatchMessage, type FactMessage } from '@churn/ingestion';
import { TABLE_3_4 } from '@churn/simulator';
import { percentile } from '../bench/bench-table';
import {
  asTopicMessage,
  factsOf,
  simulatedBranchFeed,
  type BranchFeed,
} from '../support/branch-feed';
import { startE2e, streamDays, type E2e } from '../support/e2e-harness';
import { E2E_JWT_SECRET } from '../support/pipeline';
import { httpRequest, progressOf, waitSettled } from '../support/pipeline-status';
import { readPipelineStore, type StoredPipeline } from '../support/pipeline-store';
import { printTable } from '../support/report-table';
import type { TopicMessage } from '../support/bank-messages';
import type { ServiceName } from '../support/service-process';

const BRANCH = { seed: 5, customers: 200, years: 1, churnRate: 1 };
const BURST_AT = 0.6;
/** What "answering" means for one request of the console. */
const ANSWER_WITHIN_MS = 5_000;

jest.setTimeout(600_000);

/** One batch per employer A–J, its whole headcount, each paid a twelfth of its annual payroll. */
const payday = (date: string): FactMessage[] => {
  const payPeriod = date.slice(0, 7);
  return TABLE_3_4.map((row) => {
    const monthlyMinor = Math.round((row.annualPayroll10k * 10_000 * 100) / 12 / row.employees);
    const credits: PayrollCredited[] = Array.from({ length: row.employees }, (_, n) => {
      const customerId = `P${row.label}${String(n).padStart(5, '0')}`;
      return {
        type: 'PayrollCredited',
        schemaVersion: 1,
        data: {
          customerId,
          accountId: `${customerId}-CUR`,
          employerId: `E-${row.label}`,
          batchId: `E-${row.label}-${payPeriod}-payday`,
          payPeriod,
          // ±25% around the employer's mean: salaries differ within an employer.
          amountMinor: Math.round(monthlyMinor * (0.75 + ((n * 7919) % 1000) / 2000)),
          currency: 'CNY',
          occurredAt: `${date}T01:00:00Z`,
        },
      };
    });
    return payrollBatchMessage(credits);
  });
};

interface Probe {
  readonly what: string;
  readonly status: number;
  readonly ms: number;
  readonly error?: string;
}

let e2e: E2e;
let feed: BranchFeed;
let stored: StoredPipeline;
const probes: Probe[] = [];
const timeline: Record<string, number> = {};
let burstCredits = 0;

/** Asks the console's questions round the clock until stopped; every answer is kept. */
const pollConsole = (token: string, customerId: string): { stop: () => Promise<void> } => {
  let running = true;
  const auth = { authorization: `Bearer ${token}` };
  const url = (service: ServiceName, path: string) => () =>
    `${e2e.pipeline.get(service).url}${path}`;
  const questions: readonly (readonly [string, () => string, Record<string, string>])[] = [
    ['console page (audit-api)', url('audit-api', '/console/'), {}],
    ['alerts (alerting)', url('alerting', '/alerts?limit=50'), auth],
    ['escalations (alerting)', url('alerting', '/escalations?limit=50'), auth],
    ['tier counts (audit-api)', url('audit-api', '/audit/branch/tier-counts'), auth],
    ['employer retention (audit-api)', url('audit-api', '/audit/branch/employer-retention'), auth],
    ['customer state (audit-api)', url('audit-api', `/audit/customers/${customerId}/state`), auth],
    ['customer risk (risk-engine)', url('risk-engine', `/customers/${customerId}/risk`), {}],
  ];
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const [what, target, headers] = questions[i % questions.length] as (typeof questions)[number];
      try {
        const answer = await httpRequest(target(), { headers, timeoutMs: ANSWER_WITHIN_MS });
        probes.push({ what, status: answer.status, ms: answer.ms });
      } catch (error) {
        probes.push({ what, status: 0, ms: ANSWER_WITHIN_MS, error: String(error) });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
};

const CONSOLE_BUILD = resolve(__dirname, '../../dist/console');

beforeAll(async () => {
  feed = simulatedBranchFeed(BRANCH);
  const burstDay = Math.floor(feed.days.length * BURST_AT);
  const date = bankDate((feed.days[burstDay] as BranchFeed['days'][number]).day);
  const burst = payday(date);
  const burstMessages: TopicMessage[] = burst.map(asTopicMessage);
  burstCredits = TABLE_3_4.reduce((n, row) => n + row.employees, 0);
  const burstFacts = burst.reduce((n, m) => n + factsOf(m), 0);

  // SLA time ×3,600: the policy's 15-minute digest window closes in a quarter of a second, so
  // every notification is out by the time the pipeline counts as caught up.
  // The audit API serves the console from dist/console, where `npm start` builds it.
  if (!consoleBuilt(CONSOLE_BUILD)) buildConsole(CONSOLE_BUILD);
  e2e = await startE2e('payroll-burst', { clockSpeed: 3_600 });
  await Promise.all([e2e.pipeline.startAll(), e2e.pipeline.start('audit-api')]);
  const tokens = new StaffTokens(
    tokenKeysOf(alertingAuthOptionsFromEnv({ ALERTING_JWT_SECRET: E2E_JWT_SECRET })),
    systemClock,
  );
  const { accessToken } = await tokens.issueStaffToken('BH-001');
  await streamDays(e2e, feed.days.slice(0, burstDay));
  const before = await progressOf(e2e.pipeline, e2e.watch);
  const customer = feed.messages[0]?.key ?? 'C000001';
  const poller = pollConsole(accessToken, customer);
  const started = Date.now();
  let burstStoredAt = 0;
  await streamDays(
    e2e,
    feed.days.slice(burstDay),
    {
      beforeDay: async (index) => {
        if (index !== 0) {
          if (burstStoredAt === 0) burstStoredAt = Date.now();
          return 0;
        }
        await e2e.producer.send(burstMessages, 1);
        timeline['burst produced (s)'] = (Date.now() - started) / 1000;
        return burstFacts;
      },
      dayTimeoutMs: 300_000,
    },
    before.facts,
  );
  timeline['burst day stored, with its normal flow (s)'] = (burstStoredAt - started) / 1000;
  timeline['rest of the year stored (s)'] = (Date.now() - started) / 1000;
  await waitSettled(e2e.pipeline, e2e.watch, feed.facts + burstFacts, 300_000);
  timeline['risk engine and alerting caught up (s)'] = (Date.now() - started) / 1000;
  await poller.stop();
  await e2e.pipeline.stopAll();
  stored = await readPipelineStore(e2e.pipeline.storePath);
}, 600_000);

afterAll(async () => {
  await e2e?.dispose();
}, 60_000);

describe('a payroll day: every employer of Table 3.4 pays at once, on top of the normal flow', () => {
  it('stores every credit once, with the normal flow', () => {
    const credits = stored.facts.filter(
      (e) => e.type === 'PayrollCredited' && String(e.stream).startsWith('customer-P'),
    ).length;
    printTable('payroll-burst: load', [
      ['branch', `seed ${BRANCH.seed}, ${BRANCH.customers} customers × ${BRANCH.years} year`],
      ['burst', `${burstCredits} credits of employers A–J in ${TABLE_3_4.length} batch messages`],
      ['normal flow (facts)', feed.facts],
      ['facts stored', stored.facts.length],
      ...Object.entries(timeline).map(([k, v]) => [k, v.toFixed(1)] as const),
    ]);
    expect(credits).toBe(burstCredits);
    expect(stored.duplicateIds).toEqual([]);
    expect(stored.facts).toHaveLength(feed.facts + burstCredits);
  });

  it('keeps the console answering through the burst', () => {
    const rows = [...new Set(probes.map((p) => p.what))].map((what) => {
      const mine = probes.filter((p) => p.what === what);
      const ms = mine.map((p) => p.ms);
      return [
        `${what}: answered / asked, p50 / p99 / max ms`,
        `${mine.filter((p) => p.status === 200).length} / ${mine.length}, ${percentile(ms, 50).toFixed(0)} / ${percentile(ms, 99).toFixed(0)} / ${Math.max(...ms).toFixed(0)}`,
      ] as const;
    });
    printTable('payroll-burst: the console during the burst', rows);
    expect(probes.length).toBeGreaterThan(30);
    expect(probes.filter((p) => p.status !== 200)).toEqual([]);
  });
});
