import type {
  AccountClosed,
  AccountOpened,
  PayrollCredited,
  TransactionPosted,
} from './account-facts';
import type {
  CustomerOnboarded,
  CustomerProfileChanged,
  RelationshipManagerAssigned,
} from './customer-facts';
import type {
  ProductMatured,
  ProductPurchased,
  ProductRedeemed,
  ProductRolledOver,
} from './product-facts';
import type { ComplaintFiled, ContactLogged, SurveyAnswered } from './relationship-facts';

/** Every fact the bank records about a customer (DOMAIN.md; ARCHITECTURE.md: facts are never rejected). */
export type BankFact =
  | CustomerOnboarded
  | CustomerProfileChanged
  | RelationshipManagerAssigned
  | AccountOpened
  | AccountClosed
  | TransactionPosted
  | PayrollCredited
  | ProductPurchased
  | ProductMatured
  | ProductRolledOver
  | ProductRedeemed
  | ComplaintFiled
  | SurveyAnswered
  | ContactLogged;

export type BankFactType = BankFact['type'];

/** The fact of a given type, e.g. `FactOf<'PayrollCredited'>`. */
export type FactOf<T extends BankFactType> = Extract<BankFact, { readonly type: T }>;

/**
 * The schema version each fact type is written with today. Bump a version (and add an upcaster
 * at the store edge) whenever a fact's data changes shape; stored facts are never rewritten.
 */
export const SCHEMA_VERSIONS = {
  CustomerOnboarded: 1,
  CustomerProfileChanged: 1,
  RelationshipManagerAssigned: 1,
  AccountOpened: 1,
  AccountClosed: 1,
  TransactionPosted: 1,
  PayrollCredited: 1,
  ProductPurchased: 1,
  ProductMatured: 1,
  ProductRolledOver: 1,
  ProductRedeemed: 1,
  ComplaintFiled: 1,
  SurveyAnswered: 1,
  ContactLogged: 1,
} as const satisfies Readonly<Record<BankFactType, number>>;

export const BANK_FACT_TYPES = Object.keys(SCHEMA_VERSIONS) as readonly BankFactType[];

const knownTypes: ReadonlySet<string> = new Set(BANK_FACT_TYPES);

/** Whether `x` has the envelope of a known fact type; the data itself is validated at ingestion. */
export const isBankFact = (x: unknown): x is BankFact => {
  if (typeof x !== 'object' || x === null) return false;
  const { type, data } = x as { type?: unknown; data?: unknown };
  return (
    typeof type === 'string' && knownTypes.has(type) && typeof data === 'object' && data !== null
  );
};
