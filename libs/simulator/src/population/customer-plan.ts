import type { MinorUnits } from '@churn/domain-kernel';
import type { AcquisitionChannel, IndustryClass } from '@churn/domain-facts';
import type { SnapshotBand } from '../calibration/branch-quotas';
import type { JourneyPlan } from '../journeys/journey-plan';
import type { LifeEvent } from '../noise/life-event';
import type { AumPath } from './aum-path';
import type { Employment } from './employment';

/** Everything decided about a customer before their first fact is written. */
export interface CustomerPlan {
  readonly index: number;
  readonly customerId: string;
  readonly currentAccountId: string;
  readonly savingsAccountId: string;
  /** Seeds the customer's own dice. */
  readonly seed: number;
  readonly birthDate: string;
  /** `MMDD` of the birthday, for the RM's greeting (service item 3, Table 5.2). */
  readonly birthday: string;
  readonly age: number;
  readonly industryClass: IndustryClass;
  readonly occupation: string;
  readonly acquisitionChannel: AcquisitionChannel;
  readonly teamId: string;
  readonly rmId: string | null;
  readonly employment: Employment | null;
  /** Where the customer stands at the snapshot; churners stand in a low band with their residual. */
  readonly band: SnapshotBand;
  /** Month-end AUM targets before any journey. */
  readonly path: AumPath;
  /** The path is zero throughout (a dormant zero-balance customer). */
  readonly silent: boolean;
  readonly spendPerMonthMinor: MinorUnits;
  /** Card, online and ATM spending acts in an ordinary month, on average. */
  readonly spendCount: number;
  /** The share of AUM the customer keeps in products; 0 for low product acceptance (Table 5.1). */
  readonly productShare: number;
  readonly journey: JourneyPlan | null;
  readonly event: LifeEvent | null;
}
