import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import type { ProductKind } from '@churn/domain-facts';
import { dateOfDay } from '../calendar/bank-calendar';
import type { CustomerLedger, HeldProduct } from './customer-ledger';
import type { FactWriter } from './fact-writer';

/** Annual yields by kind, as the branch's shelf offered them (time deposits 2%, wealth products 3.2%). */
export const PRODUCT_RATES: Readonly<Record<ProductKind, number>> = {
  'time-deposit': 0.02,
  'wealth-product': 0.032,
  bond: 0.03,
  fund: 0,
  insurance: 0.035,
};

const PREFIX: Readonly<Record<ProductKind, string>> = {
  'time-deposit': 'TD',
  'wealth-product': 'WP',
  bond: 'BD',
  fund: 'FD',
  insurance: 'INS',
};

/** Interest of a holding over its whole term, in fen. */
export const termInterest = (h: HeldProduct): MinorUnits =>
  Math.floor((h.principalMinor * h.rate * h.termMonths) / 12);

/** Buys a product from savings: AUM does not move, the money changes form. */
export const writePurchase = (
  w: FactWriter,
  l: CustomerLedger,
  kind: ProductKind,
  principalMinor: MinorUnits,
  termMonths: number,
  maturesDay: DayNumber | null,
  journey = false,
): HeldProduct | null => {
  if (principalMinor <= 0 || principalMinor > l.savingsMinor) return null;
  const holding: HeldProduct = {
    holdingId: l.nextId('H'),
    productId: kind === 'fund' ? 'FD-MIXED' : `${PREFIX[kind]}-${termMonths}M`,
    kind,
    principalMinor,
    maturesDay,
    termMonths,
    rate: PRODUCT_RATES[kind],
    purchasedDay: w.day,
    journey,
  };
  l.savingsMinor -= principalMinor;
  l.addHolding(holding);
  w.emit({
    type: 'ProductPurchased',
    schemaVersion: 1,
    data: {
      customerId: l.plan.customerId,
      holdingId: holding.holdingId,
      productId: holding.productId,
      productKind: kind,
      fundedFromAccountId: l.plan.savingsAccountId,
      principalMinor,
      currency: 'CNY',
      maturesOn: maturesDay === null ? null : dateOfDay(maturesDay),
      occurredAt: w.instant(),
    },
  });
  return holding;
};

/** The holding ends, matured or redeemed early, and its proceeds land in savings. */
export const writeHoldingEnd = (
  w: FactWriter,
  l: CustomerLedger,
  holding: HeldProduct,
  proceedsMinor: MinorUnits,
  type: 'ProductMatured' | 'ProductRedeemed',
): void => {
  if (!l.holdings.includes(holding)) return;
  l.removeHolding(holding);
  l.savingsMinor += proceedsMinor;
  const data = {
    customerId: l.plan.customerId,
    holdingId: holding.holdingId,
    proceedsMinor,
    creditedToAccountId: l.plan.savingsAccountId,
    occurredAt: w.instant(),
  };
  w.emit(
    type === 'ProductMatured' ? { type, schemaVersion: 1, data } : { type, schemaVersion: 1, data },
  );
};

/** Rolled over (转存): interest capitalised, a new term from today. */
export const writeRollOver = (
  w: FactWriter,
  l: CustomerLedger,
  holding: HeldProduct,
  maturesDay: DayNumber,
): void => {
  l.changePrincipal(holding, holding.principalMinor + termInterest(holding));
  holding.maturesDay = maturesDay;
  holding.purchasedDay = w.day;
  w.emit({
    type: 'ProductRolledOver',
    schemaVersion: 1,
    data: {
      customerId: l.plan.customerId,
      holdingId: holding.holdingId,
      principalMinor: holding.principalMinor,
      maturesOn: dateOfDay(maturesDay),
      occurredAt: w.instant(),
    },
  });
};

/** Early redemption: half the yield accrued so far (a penalty rate), funds at their planned value. */
export const earlyProceeds = (holding: HeldProduct, today: DayNumber): MinorUnits =>
  holding.principalMinor +
  Math.floor(
    (holding.principalMinor * holding.rate * Math.max(0, today - holding.purchasedDay)) / 730,
  );

/** Redeems every holding early (before leaving, or to pay for a house). */
export const redeemAll = (w: FactWriter, l: CustomerLedger): void => {
  for (const holding of [...l.holdings])
    writeHoldingEnd(w, l, holding, earlyProceeds(holding, w.day), 'ProductRedeemed');
};

/** Redeems holdings, largest first, until savings and current hold `needed`. */
export const raiseLiquid = (w: FactWriter, l: CustomerLedger, needed: MinorUnits): void => {
  const byPrincipal = [...l.holdings].sort((a, b) => b.principalMinor - a.principalMinor);
  for (const holding of byPrincipal) {
    if (l.liquidMinor >= needed) return;
    writeHoldingEnd(w, l, holding, earlyProceeds(holding, w.day), 'ProductRedeemed');
  }
};
