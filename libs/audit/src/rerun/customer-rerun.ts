import { bankDate, type DayNumber } from '@churn/domain-kernel';
import type { RecordedEvent } from '@churn/event-store';
import { customerStream } from '@churn/ingestion';
import type { RecordedInput, RiskEngineSettings, RiskOutput } from '@churn/risk';
import { RISK_EVENT_TYPES } from '../as-of/audit-fold';
import type { BranchClock } from './branch-clock.projection';
import { EmployerContext } from './employer-context';
import { ReplayedRiskEngine } from './replayed-risk-engine';

/** The stream of the clock's ticks: no customer id a bank could issue. */
const TICK_CUSTOMER = '\u0000branch-clock';

/**
 * A fact of nobody that moves the engine's clock to `day`, standing for the first fact of that
 * day in the branch's log (whoever's it was). A profile change of a customer never onboarded:
 * the folds ignore it, and it is never telling, so it decides nothing for anybody.
 */
const tick = (day: DayNumber, position: number): RecordedInput => ({
  id: `audit-rerun-clock-${position}`,
  stream: customerStream(TICK_CUSTOMER),
  type: 'CustomerProfileChanged',
  data: { customerId: TICK_CUSTOMER, occurredAt: `${bankDate(day)}T00:00:00.000+08:00` },
  metadata: { schemaVersion: 1 },
});

export interface CustomerRerun {
  /** The risk events the engine decides for the customer, in the order it would append them. */
  readonly derived: readonly RiskOutput[];
  readonly employers: ReturnType<EmployerContext['summary']>;
  readonly factsFed: number;
  readonly clockTicks: number;
}

const employersPaying = (events: readonly RecordedEvent[]): string[] => [
  ...new Set(
    events
      .filter((e) => e.type === 'PayrollCredited')
      .map((e) => (e.data as { employerId: string }).employerId),
  ),
];

/**
 * Re-runs the risk engine (libs/risk) over one customer's stored facts, as it ran over the
 * branch: the customer's facts in log order, and between them the branch clock's steps, so that
 * every day is closed exactly when the branch's log closed it (quiet customers are assessed on
 * others' facts) with the employer context of that moment. Facts of other customers are not
 * read; only the clock and their employers' batch starts (`BranchClock`) are.
 */
export const rerunCustomer = (
  customerId: string,
  events: readonly RecordedEvent[],
  clock: BranchClock,
  settings: RiskEngineSettings,
): CustomerRerun => {
  const stream = customerStream(customerId);
  const context = new EmployerContext(clock, employersPaying(events), settings.policy);
  const engine = new ReplayedRiskEngine(settings, (day, position) => context.at(day, position));
  const derived: RiskOutput[] = [];
  const feed = (input: RecordedInput, position: number): void => {
    engine.closingPosition = position;
    for (const output of engine.handle(input)) if (output.stream === stream) derived.push(output);
  };
  const { positions, days } = clock.steps;
  let step = 0;
  let ticks = 0;
  const tickUntil = (position: number): void => {
    for (; step < positions.length && (positions[step] ?? Infinity) < position; step++, ticks++)
      feed(tick(days[step] ?? 0, positions[step] ?? 0), positions[step] ?? 0);
  };
  let facts = 0;
  for (const event of events) {
    if (RISK_EVENT_TYPES.has(event.type)) continue;
    tickUntil(event.position);
    if (positions[step] === event.position) step++; // this very fact moved the branch's clock
    feed(event, event.position);
    facts++;
  }
  tickUntil(Infinity);
  return { derived, employers: context.summary(), factsFed: facts, clockTicks: ticks };
};
