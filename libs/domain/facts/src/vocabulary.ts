/**
 * The closed vocabularies of the fact catalogue (DOMAIN.md). Each list is the single source of
 * its union type, so the ingestion layer validates against exactly what the domain accepts.
 */
export const INDUSTRY_CLASSES = ['prime', 'ordinary'] as const;
/** Thesis Table 5.1 行业属性: 优质 (prime) or 一般 (ordinary). */
export type IndustryClass = (typeof INDUSTRY_CLASSES)[number];

/** How the customer came to the bank; payroll brought 37% of surveyed customers (DOMAIN.md §3). */
export const ACQUISITION_CHANNELS = ['payroll', 'branch', 'referral', 'online', 'other'] as const;
export type AcquisitionChannel = (typeof ACQUISITION_CHANNELS)[number];

export const ACCOUNT_KINDS = ['current', 'savings', 'card'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const TRANSACTION_DIRECTIONS = ['credit', 'debit'] as const;
export type TransactionDirection = (typeof TRANSACTION_DIRECTIONS)[number];

/** Where a transaction was posted; `batch` and `system` are the bank's own postings. */
export const TRANSACTION_CHANNELS = [
  'counter',
  'atm',
  'mobile',
  'online',
  'pos',
  'batch',
  'system',
] as const;
export type TransactionChannel = (typeof TRANSACTION_CHANNELS)[number];

/** Channels through which the customer acts; the baseline churn score (DOMAIN.md §9) counts these. */
export const CUSTOMER_INITIATED_CHANNELS = ['counter', 'atm', 'mobile', 'online', 'pos'] as const;
export type CustomerInitiatedChannel = (typeof CUSTOMER_INITIATED_CHANNELS)[number];

export const TRANSACTION_CATEGORIES = [
  'transfer',
  'payment',
  'cash',
  'fee',
  'interest',
  'card',
  'other',
] as const;
export type TransactionCategory = (typeof TRANSACTION_CATEGORIES)[number];

export const PRODUCT_KINDS = [
  'time-deposit',
  'wealth-product',
  'bond',
  'fund',
  'insurance',
] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** Complaint categories; efficiency leads (56.6% dissatisfied, thesis Table 3.11). */
export const COMPLAINT_CATEGORIES = [
  'service',
  'efficiency',
  'fees',
  'product',
  'staff',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export const CONTACT_CHANNELS = ['phone', 'visit', 'branch', 'message', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_INITIATORS = ['bank', 'customer'] as const;
export type ContactInitiator = (typeof CONTACT_INITIATORS)[number];

/** NPS survey scale, 0..10 inclusive (thesis §3.3). */
export const SURVEY_SCORE_MIN = 0;
export const SURVEY_SCORE_MAX = 10;

/** The bank's home currency; AUM and tiers are in CNY fen. */
export const HOME_CURRENCY = 'CNY';
