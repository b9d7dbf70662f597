import type { DayNumber } from '@churn/domain-kernel';
import { initialCustomer, type CustomerState } from '@churn/domain-customer';
import {
  initialEvidence,
  initialRisk,
  type RiskEvidence,
  type RiskState,
} from '@churn/domain-risk';
import type { Reviewable } from './review-queue';

/**
 * Everything the engine holds for one customer: the customer fold, the risk evidence and the
 * risk decided so far, plus when the customer is next assessed. In memory, rebuilt from the
 * store at every start (the store is the system of record).
 */
export interface CustomerWatch extends Reviewable {
  readonly customerId: string;
  readonly customer: CustomerState;
  readonly evidence: RiskEvidence;
  risk: RiskState;
  /** The day at whose close the customer is next assessed, or null when not scheduled. */
  dueDay: DayNumber | null;
  lastAssessedDay: DayNumber | null;
}

export const newWatch = (customerId: string, index: number): CustomerWatch => ({
  index,
  customerId,
  customer: initialCustomer(),
  evidence: initialEvidence(),
  risk: initialRisk(),
  dueDay: null,
  lastAssessedDay: null,
});
