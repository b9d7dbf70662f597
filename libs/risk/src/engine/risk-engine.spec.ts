import { yuan } from '@churn/domain-kernel';
import type { ChurnRiskRaised, EmployerPayrollAtRisk } from '@churn/domain-risk';
import { riskEventName } from '@churn/domain-risk';
import { CustomerStory, monthDate } from '@churn/domain-risk/testing';
import { at, payrollCredited, posted } from '@churn/domain-customer/testing';
import { uuidV5 } from '@churn/ingestion';
import {
  bigTransferStory,
  defaultEngine,
  recordedFacts,
  runFacts,
  salaryStopsStory,
} from '../testing';
import { RISK_NAMESPACE } from './risk-event-ids';

const raisesOf = (outputs: ReturnType<typeof runFacts>, customerId: string) =>
  outputs.filter(
    (o) => o.event.type === 'ChurnRiskRaised' && o.stream === `customer-${customerId}`,
  );

describe('a salaried customer whose salary stopped while the colleagues are still paid', () => {
  const facts = salaryStopsStory();
  const recorded = recordedFacts(facts);
  const outputs = runFacts(facts);
  const [raise] = raisesOf(outputs, 'story-salary');
  const data = raise?.event.data as ChurnRiskRaised['data'];

  it('is raised on the first day the salary is more than the 7 days of tolerance late', () => {
    expect(data.signals.map((s) => s.code)).toEqual(['payroll-stopped']);
    expect(data.assessedOn).toBe('2016-01-18');
  });

  it('cites the last three salaries as evidence, by their stored ids', () => {
    const salaries = recorded.filter(
      (r) => r.type === 'PayrollCredited' && r.stream === 'customer-story-salary',
    );
    expect(data.signals[0]?.evidenceEventIds).toEqual(salaries.slice(-3).map((s) => s.id));
  });

  it('gets an id derived from its causes, and metadata in business time', () => {
    const event = raise?.event;
    expect(event?.id).toBe(
      uuidV5(RISK_NAMESPACE, riskEventName({ type: 'ChurnRiskRaised', schemaVersion: 1, data })),
    );
    expect(event?.metadata).toEqual({
      // Business time: the last fact folded on the assessed day (a card payment at noon).
      occurredAt: '2016-01-18T12:00:00+08:00',
      schemaVersion: 2,
      causationId: expect.any(String),
      policyVersion: '2026-11-1',
    });
    // The fact whose arrival closed 2016-01-18: the first of a later day, a colleague's salary.
    const cause = recorded.find((r) => r.id === event?.metadata.causationId);
    expect(cause?.type).toBe('PayrollCredited');
    expect(cause?.data).toMatchObject({ occurredAt: '2016-02-10T08:00:00+08:00' });
  });
});

describe('a fortune-tier customer who sends 83% of the money to another bank', () => {
  it('is raised at the close of that day, in the warning band', () => {
    const [raise] = raisesOf(runFacts(bigTransferStory()), 'story-transfer');
    expect(raise?.event.data).toMatchObject({
      assessedOn: '2015-06-08',
      band: 'warning',
      signals: [expect.objectContaining({ code: 'large-outbound-transfer' })],
    });
  });
});

/** Employer E-B pays five employees 10,000 yuan on the 10th from 2014 and stops after June 2015. */
const employerStops = () =>
  Array.from({ length: 5 }, (_, e) => {
    const story = new CustomerStory(`eb-${e}`).onboard('2013-12-02');
    for (let month = 0; month < 18; month++)
      story.salary(monthDate('2014-01', month, 10), 10_000, 'E-B');
    return story.stored.map(([, fact]) => fact);
  }).flat();

/** Someone else's facts keep the branch's business clock going until the end of 2015. */
const clock = Array.from({ length: 200 }, (_, d) =>
  posted('clock', 'clock-cur', -100, at(monthDate('2015-06', Math.floor(d / 30), 1 + (d % 28))), {
    channel: 'pos',
  }),
);

describe('an employer whose whole payroll batch stops', () => {
  const feed = [...employerStops(), ...clock].sort(
    (a, b) => Date.parse(a.data.occurredAt) - Date.parse(b.data.occurredAt),
  );
  const outputs = runFacts(feed);
  const alerts = outputs.filter((o) => o.event.type === 'EmployerPayrollAtRisk');

  it('gives one employer alert a month, on the employer stream', () => {
    const missing = alerts.map((o) => o.event.data as EmployerPayrollAtRisk['data']);
    expect(alerts.every((o) => o.stream === 'employer-E-B')).toBe(true);
    expect(missing.map((d) => d.assessedOn.slice(0, 7))).toEqual([
      ...new Set(missing.map((d) => d.assessedOn.slice(0, 7))),
    ]);
    expect(missing[0]?.reasons.map((r) => r.code)).toEqual(['batch-missing']);
    expect(missing[0]?.assessedOn).toBe('2015-07-16');
  });

  it('and no payroll-stopped alert for each of its employees', () =>
    expect(outputs.filter((o) => o.stream.startsWith('customer-eb-'))).toEqual([]));
});

describe('events the engine does not fold', () => {
  const engine = defaultEngine();
  const [first] = recordedFacts([payrollCredited('c1', 'E-A', yuan(9_000), at('2015-01-10'))]);

  it('skips its own risk events read back from the store, and counts unknown types', () => {
    const base = { id: 'x', stream: 'customer-c1', metadata: { schemaVersion: 1 } };
    engine.handle({ ...base, type: 'ChurnRiskRaised', data: {} });
    engine.handle({ ...base, type: 'LoyaltyPointsEarned', data: { customerId: 'c1' } });
    if (first) engine.handle(first);
    expect(engine.counts).toMatchObject({ folded: 1, ownEvents: 1, unknownTypes: 1 });
  });
});
