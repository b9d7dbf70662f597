import type { DomainEvent, MinorUnits } from '@churn/domain-kernel';
import type { CalendarDate } from './customer-facts';
import type { ProductKind } from './vocabulary';

/** Principal moves from the funding account into the holding: AUM is unchanged by a purchase. */
export type ProductPurchased = DomainEvent<
  'ProductPurchased',
  {
    customerId: string;
    holdingId: string;
    productId: string;
    productKind: ProductKind;
    fundedFromAccountId: string;
    principalMinor: MinorUnits;
    currency: string;
    /** Null for open-ended products (funds, some wealth products). */
    maturesOn: CalendarDate | null;
  }
>;

/** The holding ends at maturity and its proceeds land in an account (到期, DOMAIN.md §4). */
export type ProductMatured = DomainEvent<
  'ProductMatured',
  { customerId: string; holdingId: string; proceedsMinor: MinorUnits; creditedToAccountId: string }
>;

/** The holding renews (转存) with a new principal (interest capitalised) and maturity. */
export type ProductRolledOver = DomainEvent<
  'ProductRolledOver',
  {
    customerId: string;
    holdingId: string;
    principalMinor: MinorUnits;
    maturesOn: CalendarDate | null;
  }
>;

/** The customer ended the holding early; its proceeds land in an account. */
export type ProductRedeemed = DomainEvent<
  'ProductRedeemed',
  { customerId: string; holdingId: string; proceedsMinor: MinorUnits; creditedToAccountId: string }
>;
