import {
  evolveCustomer,
  initialCustomer,
  TIERS,
  type CustomerState,
  type Tier,
} from '@churn/domain-customer';
import { BANK_FACT_TYPES, type BankFact } from '@churn/domain-facts';
import type { MinorUnits } from '@churn/domain-kernel';

/**
 * The branch at a glance (thesis Table 3.1: customers per tier), folded from every customer
 * stream. A read model: rebuilt from the store at any time, never the source of truth.
 */
export interface BranchOverview {
  readonly customers: number;
  readonly facts: number;
  readonly byTier: Readonly<
    Record<Tier, { readonly customers: number; readonly aumMinor: MinorUnits }>
  >;
  readonly totalAumMinor: MinorUnits;
  /** Business time of the latest fact folded. */
  readonly asOf: string | null;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(BANK_FACT_TYPES);

/** Customer states by customer id; `evolve` folds one recorded fact into its customer. */
export class BranchOverviewProjection {
  private readonly customers = new Map<string, CustomerState>();
  private facts = 0;
  private others = 0;

  /**
   * Events that are not bank facts (risk assessments, or types this build does not know) are
   * counted, never silently dropped.
   */
  evolve(event: {
    readonly type: string;
    readonly data: unknown;
    readonly schemaVersion?: number;
  }): void {
    if (!KNOWN_TYPES.has(event.type)) {
      this.others++;
      return;
    }
    const fact = {
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      data: event.data,
    } as BankFact;
    const id = fact.data.customerId;
    this.customers.set(id, evolveCustomer(this.customers.get(id) ?? initialCustomer(), fact));
    this.facts++;
  }

  customer(customerId: string): CustomerState | undefined {
    return this.customers.get(customerId);
  }

  get otherEvents(): number {
    return this.others;
  }

  overview(): BranchOverview {
    const byTier = Object.fromEntries(
      TIERS.map((t) => [t, { customers: 0, aumMinor: 0 }]),
    ) as Record<Tier, { customers: number; aumMinor: number }>;
    let asOf: string | null = null;
    for (const state of this.customers.values()) {
      byTier[state.tier].customers++;
      byTier[state.tier].aumMinor += state.aumMinor;
      if (state.lastOccurredAt !== null && (asOf === null || state.lastOccurredAt > asOf))
        asOf = state.lastOccurredAt;
    }
    const totalAumMinor = TIERS.reduce((sum, t) => sum + byTier[t].aumMinor, 0);
    return { customers: this.customers.size, facts: this.facts, byTier, totalAumMinor, asOf };
  }
}
