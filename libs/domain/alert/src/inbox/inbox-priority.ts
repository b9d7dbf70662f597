import type { Tier } from '@churn/domain-customer';
import type { RaisedAlert } from '../decider/alert-state';

/**
 * How much each value tier weighs in an inbox: effort follows value (DOMAIN.md §5.4, the 80/20
 * rule). Roughly the ratio of the tiers' AUM floors, flattened so that a critical fortune
 * customer still comes before a watched private-banking one.
 */
export const INBOX_VALUE_WEIGHT: Readonly<Record<Tier, number>> = {
  ordinary: 1,
  'wealth-management': 2,
  fortune: 4,
  'private-banking': 8,
};

/**
 * Risk × value: the latest risk score (0..100) of the alert times its value tier's weight, an
 * integer; higher first in an inbox. The tier is the value tier (peak AUM), not today's: a
 * private-banking client who has just moved everything out is still first.
 */
export const inboxPriority = (alert: RaisedAlert): number => {
  const latest = alert.causes[alert.causes.length - 1];
  return (latest?.score ?? 0) * INBOX_VALUE_WEIGHT[alert.customer.valueTier];
};
