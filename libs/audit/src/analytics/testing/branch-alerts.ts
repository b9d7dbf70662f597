import { AlertRepository } from '@churn/alerting';
import type { AlertCommand } from '@churn/domain-alert';
import { pendingDeadlines, type RaiseAlert } from '@churn/domain-alert';
import {
  acknowledgeCommand,
  alertCustomer,
  escalateOverdueCommand,
  logContactCommand,
  raiseCommand,
  resolveCommand,
  riskCause,
} from '@churn/domain-alert/testing';
import type { Tier } from '@churn/domain-customer';
import type { EventStore } from '@churn/event-store';

/** Tuesday 2026-12-01 09:00 Beijing, and hours after it. */
const DEC_1 = Date.parse('2026-12-01T01:00:00.000Z');
const hoursAfter = (hours: number): string => new Date(DEC_1 + hours * 3_600_000).toISOString();

const raise = (
  alertId: string,
  rm: string,
  teamId: string,
  tier: Tier,
  at = hoursAfter(0),
): RaiseAlert =>
  raiseCommand({
    alertId,
    customer: alertCustomer({
      customerId: `C-${alertId}`,
      relationshipManagerId: rm,
      teamId,
      tier,
      valueTier: tier,
    }),
    cause: riskCause({ riskEventId: `risk-${alertId}` }),
    at,
  });

/**
 * Six cases of branch BR-T (`TEST_DIRECTORY`), decided by the real alert decider and appended by
 * the alerting repository. Five raised in December 2026:
 * - A-kept (RM-1, T-1, fortune): acknowledged, contacted, retained (rate);
 * - A-gone (RM-2, T-1, wealth management): acknowledged, lost (service);
 * - A-exit (RM-3, T-2, private banking): not acknowledged, escalated to SUP-2 by the SLA clock,
 *   exited deliberately (other: AML);
 * - A-calm (RM-1, T-1, fortune): a false alarm (other);
 * - A-open (RM-3, T-2, fortune): acknowledged, still open;
 * and A-nov (RM-2, T-1, wealth management) raised in November, retained (rate) in December.
 */
export const recordBranchAlerts = async (store: EventStore): Promise<void> => {
  const repository = new AlertRepository(store);
  const run = async (alertId: string, ...commands: readonly AlertCommand[]) => {
    for (const command of commands) await repository.execute(alertId, command);
  };
  await run(
    'A-nov',
    raise('A-nov', 'RM-2', 'T-1', 'wealth-management', '2026-11-10T02:00:00.000Z'),
    resolveCommand('RM-2', hoursAfter(26), { outcome: 'retained', reason: 'rate' }),
  );
  await run(
    'A-kept',
    raise('A-kept', 'RM-1', 'T-1', 'fortune'),
    acknowledgeCommand('RM-1', hoursAfter(1)),
    logContactCommand('RM-1', hoursAfter(2)),
    resolveCommand('RM-1', hoursAfter(24), { outcome: 'retained', reason: 'rate' }),
  );
  await run(
    'A-gone',
    raise('A-gone', 'RM-2', 'T-1', 'wealth-management'),
    acknowledgeCommand('RM-2', hoursAfter(0.5)),
    resolveCommand('RM-2', hoursAfter(48), { outcome: 'lost', reason: 'service' }),
  );
  await run('A-exit', raise('A-exit', 'RM-3', 'T-2', 'private-banking'));
  const { state } = await repository.load('A-exit');
  const due = state.status === 'none' ? undefined : pendingDeadlines(state)[0];
  if (due === undefined) throw new Error('A-exit has no deadline to miss');
  await run(
    'A-exit',
    escalateOverdueCommand(due.rule, due.dueAt),
    resolveCommand('SUP-2', hoursAfter(72), {
      outcome: 'exited-deliberately',
      reason: 'other',
      reasonText: 'AML risk, no value to the bank',
    }),
  );
  await run(
    'A-calm',
    raise('A-calm', 'RM-1', 'T-1', 'fortune'),
    resolveCommand('RM-1', hoursAfter(3), {
      outcome: 'false-alarm',
      reason: 'other',
      reasonText: 'bought a flat, salary unchanged',
    }),
  );
  await run(
    'A-open',
    raise('A-open', 'RM-3', 'T-2', 'fortune'),
    acknowledgeCommand('RM-3', hoursAfter(4)),
  );
};
