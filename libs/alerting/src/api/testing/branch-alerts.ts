import { alertCustomer, riskCause } from '@churn/domain-alert/testing';
import type { RaiseAlert } from '@churn/domain-alert';
import type { Tier } from '@churn/domain-customer';
import type { ApiTestApp } from './api-test-app';

/**
 * Six alerts of branch BR-T (`TEST_DIRECTORY`), all raised Tuesday 2026-12-01 09:00 Beijing:
 * three customers of RM-1 of different value, one of RM-2 (same team T-1), one of RM-3 (team
 * T-2), and one customer without an RM, in team T-1's shared queue. Priority = score × weight.
 */
const alert = (
  alertId: string,
  relationshipManagerId: string | null,
  teamId: string,
  tier: Tier,
  score: number,
): Partial<RaiseAlert['data']> => ({
  alertId,
  customer: alertCustomer({
    customerId: `C-${alertId}`,
    relationshipManagerId,
    teamId,
    tier,
    valueTier: tier,
  }),
  cause: riskCause({ riskEventId: `risk-${alertId}`, score }),
});

export const BRANCH_ALERTS = [
  alert('A-rm1-private', 'RM-1', 'T-1', 'private-banking', 70), // 560
  alert('A-rm1-fortune', 'RM-1', 'T-1', 'fortune', 80), // 320
  alert('A-rm1-wealth', 'RM-1', 'T-1', 'wealth-management', 90), // 180
  alert('A-rm2', 'RM-2', 'T-1', 'fortune', 75), // 300
  alert('A-rm3', 'RM-3', 'T-2', 'fortune', 85), // 340
  alert('A-queue', null, 'T-1', 'ordinary', 95), // 95
] as const;

export const raiseBranchAlerts = async (api: ApiTestApp): Promise<void> => {
  for (const overrides of BRANCH_ALERTS) await api.raise(overrides);
};

export const ids = (body: { items: readonly { alertId: string }[] }): string[] =>
  body.items.map((i) => i.alertId);
