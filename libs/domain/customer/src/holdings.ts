import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import {
  HOME_CURRENCY,
  type ProductMatured,
  type ProductPurchased,
  type ProductRedeemed,
  type ProductRolledOver,
} from '@churn/domain-facts';
import { accountFor, bookCash, noteCustomerActivity, revalue } from './accounts';
import type { CustomerBook } from './customer-book';

type HoldingBook = CustomerBook['holdings'] extends Map<string, infer H> ? H : never;

/** Closed holdings kept for the "matured and not rolled over" signal (到期未转存, DOMAIN.md §4). */
export const CLOSED_HOLDINGS_KEPT = 24;

/** Held CNY principal is AUM; foreign-currency products are left out, like foreign balances. */
const changeHeldPrincipal = (s: CustomerBook, currency: string, changeMinor: MinorUnits): void => {
  if (currency !== HOME_CURRENCY || changeMinor === 0) return;
  s.heldProductMinor += changeMinor;
  s.aumMinor += changeMinor;
};

/** The principal leaves the account and enters the holding: AUM moves only if the account was overdrawn. */
export const purchaseProduct = (
  s: CustomerBook,
  d: ProductPurchased['data'],
  day: DayNumber,
): CustomerBook => {
  if (s.holdings.has(d.holdingId)) return s;
  s.holdings.set(d.holdingId, {
    holdingId: d.holdingId,
    productId: d.productId,
    kind: d.productKind,
    currency: d.currency,
    principalMinor: d.principalMinor,
    maturesOn: d.maturesOn,
    status: 'held',
    purchasedDay: day,
    rollovers: 0,
    closedDay: null,
    proceedsMinor: null,
  });
  if (!s.productKindsEverHeld.includes(d.productKind)) s.productKindsEverHeld.push(d.productKind);
  changeHeldPrincipal(s, d.currency, d.principalMinor);
  bookCash(s, accountFor(s, d.fundedFromAccountId), d.currency, -d.principalMinor, day);
  revalue(s, day);
  noteCustomerActivity(s, day);
  return s;
};

/**
 * A holding ends with its proceeds paid into an account: AUM changes by the yield. A second end
 * of an already closed holding is impossible and ignored; the end of a holding bought before the
 * stream began still credits the account, because core banking did.
 */
const endHolding = (
  s: CustomerBook,
  d: ProductMatured['data'] | ProductRedeemed['data'],
  day: DayNumber,
  status: 'matured' | 'redeemed',
): CustomerBook => {
  const holding = s.holdings.get(d.holdingId);
  if (holding !== undefined && holding.status !== 'held') return s;
  if (holding !== undefined) {
    changeHeldPrincipal(s, holding.currency, -holding.principalMinor);
    holding.status = status;
    holding.closedDay = day;
    holding.proceedsMinor = d.proceedsMinor;
    forgetOldestClosed(s);
  }
  bookCash(
    s,
    accountFor(s, d.creditedToAccountId),
    holding?.currency ?? HOME_CURRENCY,
    d.proceedsMinor,
    day,
  );
  revalue(s, day);
  return s;
};

export const matureProduct = (
  s: CustomerBook,
  d: ProductMatured['data'],
  day: DayNumber,
): CustomerBook => endHolding(s, d, day, 'matured');

/** An early redemption is the customer's own act. */
export const redeemProduct = (
  s: CustomerBook,
  d: ProductRedeemed['data'],
  day: DayNumber,
): CustomerBook => {
  if (s.holdings.get(d.holdingId)?.status !== 'held' && s.holdings.has(d.holdingId)) return s;
  noteCustomerActivity(s, day);
  return endHolding(s, d, day, 'redeemed');
};

/** Rolling over (转存) capitalises interest: the new principal replaces the old in AUM. */
export const rollOverProduct = (
  s: CustomerBook,
  d: ProductRolledOver['data'],
  day: DayNumber,
): CustomerBook => {
  const holding = s.holdings.get(d.holdingId);
  if (holding === undefined || holding.status !== 'held') return s;
  changeHeldPrincipal(s, holding.currency, d.principalMinor - holding.principalMinor);
  holding.principalMinor = d.principalMinor;
  holding.maturesOn = d.maturesOn;
  holding.rollovers += 1;
  revalue(s, day);
  return s;
};

const forgetOldestClosed = (s: CustomerBook): void => {
  let closed = 0;
  let oldest: HoldingBook | undefined;
  for (const holding of s.holdings.values()) {
    if (holding.status === 'held') continue;
    closed += 1;
    oldest ??= holding;
  }
  if (closed > CLOSED_HOLDINGS_KEPT && oldest !== undefined) s.holdings.delete(oldest.holdingId);
};
