import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import type {
  AccountKind,
  AcquisitionChannel,
  CalendarDate,
  ComplaintCategory,
  ComplaintSeverity,
  IndustryClass,
  ProductKind,
} from '@churn/domain-facts';
import type { AumHistory } from './aum-history';
import type { NpsClass } from './nps';
import type { PayrollSeries } from './payroll-cadence';
import type { Tier } from './tier';

export interface CustomerProfile {
  readonly birthDate: CalendarDate;
  readonly industryClass: IndustryClass;
  readonly occupation: string;
  readonly branchId: string;
  readonly teamId: string;
  readonly acquisitionChannel: AcquisitionChannel;
  readonly onboardedDay: DayNumber;
}

/**
 * One account's money. CNY is kept in `balanceMinor` and counts toward AUM (floored at zero:
 * card debt or an overdraft is not an asset, but neither does it cancel deposits elsewhere).
 * Other currencies are kept per ISO code and left out of AUM: tiers are CNY thresholds and the
 * domain has no exchange rates.
 */
export interface AccountEntry {
  readonly accountId: string;
  /** Null while the account is known only from a posting (its AccountOpened not seen). */
  readonly kind: AccountKind | null;
  readonly open: boolean;
  readonly balanceMinor: MinorUnits;
  readonly foreignBalances: ReadonlyMap<string, MinorUnits> | null;
}

export type HoldingStatus = 'held' | 'matured' | 'redeemed';

export interface Holding {
  readonly holdingId: string;
  readonly productId: string;
  readonly kind: ProductKind;
  readonly currency: string;
  readonly principalMinor: MinorUnits;
  readonly maturesOn: CalendarDate | null;
  readonly status: HoldingStatus;
  readonly purchasedDay: DayNumber;
  readonly rollovers: number;
  readonly closedDay: DayNumber | null;
  readonly proceedsMinor: MinorUnits | null;
}

/** Customer-initiated activity, the raw material of BG/NBD and of the recency baseline (DOMAIN.md §9). */
export interface CustomerActivity {
  readonly count: number;
  readonly firstDay: DayNumber | null;
  readonly lastDay: DayNumber | null;
  /** Distinct activity days after the first (BG/NBD's x). */
  readonly repeatDays: number;
}

export interface ComplaintNote {
  readonly complaintId: string;
  readonly category: ComplaintCategory;
  readonly severity: ComplaintSeverity;
  readonly day: DayNumber;
}

export interface ComplaintRecord {
  readonly count: number;
  /** The latest complaints, oldest first, at most `RECENT_COMPLAINTS_KEPT`. */
  readonly recent: readonly ComplaintNote[];
}

export interface SurveyNote {
  readonly surveyId: string;
  readonly score: number;
  readonly npsClass: NpsClass;
  readonly day: DayNumber;
}

export interface ContactRecord {
  readonly count: number;
  readonly lastDay: DayNumber | null;
  readonly lastBankInitiatedDay: DayNumber | null;
  readonly lastCustomerInitiatedDay: DayNumber | null;
  readonly lastStaffId: string | null;
}

export interface RelationshipManager {
  readonly rmId: string;
  readonly teamId: string;
  readonly sinceDay: DayNumber;
}

/**
 * Everything the bank knows about one customer, folded from their facts. The fold updates it in
 * place (see `evolveCustomer`): a state belongs to one fold; take `cloneCustomer` to keep a copy.
 */
export interface CustomerState {
  readonly customerId: string | null;
  readonly profile: CustomerProfile | null;
  readonly relationshipManager: RelationshipManager | null;
  readonly accounts: ReadonlyMap<string, AccountEntry>;
  readonly holdings: ReadonlyMap<string, Holding>;
  /** Product kinds ever held, in the order first bought (product acceptance, Table 5.1). */
  readonly productKindsEverHeld: readonly ProductKind[];
  /** Assets under management in CNY fen: positive CNY balances plus held CNY product principal. */
  readonly aumMinor: MinorUnits;
  /** The CNY principal of held products, the part of AUM that is not deposits. */
  readonly heldProductMinor: MinorUnits;
  readonly tier: Tier;
  readonly aumHistory: AumHistory;
  readonly payroll: ReadonlyMap<string, PayrollSeries>;
  readonly lastPayrollDay: DayNumber | null;
  readonly activity: CustomerActivity;
  readonly complaints: ComplaintRecord;
  readonly latestSurvey: SurveyNote | null;
  readonly contacts: ContactRecord;
  /** Facts folded, impossible ones included; facts with an unreadable occurredAt are not. */
  readonly factCount: number;
  /** The occurredAt of the last fact folded, as written. */
  readonly lastOccurredAt: string | null;
  /** The latest bank day seen; a late fact is booked on it (see `evolveCustomer`). */
  readonly lastDay: DayNumber | null;
}

export const initialCustomer = (): CustomerState => ({
  customerId: null,
  profile: null,
  relationshipManager: null,
  accounts: new Map(),
  holdings: new Map(),
  productKindsEverHeld: [],
  aumMinor: 0,
  heldProductMinor: 0,
  tier: 'ordinary',
  aumHistory: { days: [], closes: [], knownFrom: null },
  payroll: new Map(),
  lastPayrollDay: null,
  activity: { count: 0, firstDay: null, lastDay: null, repeatDays: 0 },
  complaints: { count: 0, recent: [] },
  latestSurvey: null,
  contacts: {
    count: 0,
    lastDay: null,
    lastBankInitiatedDay: null,
    lastCustomerInitiatedDay: null,
    lastStaffId: null,
  },
  factCount: 0,
  lastOccurredAt: null,
  lastDay: null,
});

/** A deep copy, for an as-of snapshot the fold will not touch again. */
export const cloneCustomer = (state: CustomerState): CustomerState => structuredClone(state);
