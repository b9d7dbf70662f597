// Valid inbound messages as the bank's source systems would send them (libs/ingestion/CONTRACTS.md),
// made from an index so every message has its own source ids and a test can make thousands.
import { TopicNames } from '@churn/messaging';
import type { TestMessage } from '@churn/messaging/testing';

export interface TopicMessage extends TestMessage {
  readonly topic: string;
}

const CORE = TopicNames.coreBankingTransactions;
const PAYROLL = TopicNames.payrollDisbursements;
const CRM = TopicNames.crmInteractions;

/** Business time well in the past (no clock-skew), one second apart per index. */
const at = (i: number): string =>
  new Date(Date.UTC(2024, 4, 1) + i * 1000).toISOString().replace('Z', '+00:00');

export const customerId = (n: number): string => `C-${String(n).padStart(6, '0')}`;
const accountOf = (customer: string): string => `A-${customer.slice(2)}-1`;

const json = (
  topic: string,
  key: string | null,
  value: object,
  partition?: number,
): TopicMessage => ({
  topic,
  key,
  value: JSON.stringify(value),
  ...(partition === undefined ? {} : { partition }),
});

export const transaction = (
  i: number,
  customer = customerId(i % 500),
  runTag = 'T',
): TopicMessage =>
  json(CORE, customer, {
    kind: 'transaction',
    transactionId: `${runTag}-${i}`,
    customerId: customer,
    accountId: accountOf(customer),
    direction: i % 3 === 0 ? 'credit' : 'debit',
    amountMinor:
      i % 2 === 0 ? 1_000 + ((i * 7919) % 5_000_000) : String(1_000 + ((i * 104_729) % 900_000)),
    currency: 'CNY',
    channel: (['mobile', 'counter', 'atm', 'online', 'pos'] as const)[i % 5],
    counterpartyBank: i % 4 === 0 ? 'China Merchants Bank' : null,
    otherBank: i % 4 === 0,
    category: i % 4 === 0 ? 'transfer' : 'payment',
    occurredAt: at(i),
  });

export const accountOpened = (i: number, customer = customerId(i % 500)): TopicMessage =>
  json(CORE, customer, {
    kind: 'account-opened',
    customerId: customer,
    accountId: `A-OPEN-${i}`,
    accountKind: (['current', 'savings', 'card'] as const)[i % 3],
    currency: 'CNY',
    occurredAt: at(i),
  });

export const payrollCredit = (
  employer: string,
  batchId: string,
  customer: string,
  amountMinor: number,
  i = 0,
): TopicMessage =>
  json(PAYROLL, customer, {
    kind: 'credit',
    employerId: employer,
    batchId,
    payPeriod: '2024-05',
    customerId: customer,
    accountId: accountOf(customer),
    amountMinor: String(amountMinor),
    currency: 'CNY',
    occurredAt: at(i),
  });

export interface BatchCredit {
  readonly customerId: string;
  readonly accountId: string;
  readonly amountMinor: number;
}

export const payrollBatch = (
  employer: string,
  batchId: string,
  credits: readonly BatchCredit[],
): TopicMessage =>
  json(PAYROLL, employer, {
    kind: 'batch',
    employerId: employer,
    batchId,
    payPeriod: '2024-05',
    currency: 'CNY',
    occurredAt: '2024-06-05T09:00:00+08:00',
    credits,
  });

/** `count` credits for customers from `first` on, each to the customer's own account. */
export const batchCredits = (first: number, count: number): BatchCredit[] =>
  Array.from({ length: count }, (_, k) => {
    const customer = customerId(first + k);
    return { customerId: customer, accountId: accountOf(customer), amountMinor: 500_000 + k };
  });

/** The CRM kinds that carry their own source id, in turn. */
export const crmInteraction = (i: number, customer = customerId(i % 500)): TopicMessage => {
  const base = { customerId: customer, occurredAt: at(i) };
  switch (i % 6) {
    case 0:
      return json(CRM, customer, {
        kind: 'contact-logged',
        ...base,
        contactId: `CT-${i}`,
        staffId: 'RM-017',
        channel: 'phone',
        initiatedBy: 'bank',
        summary: '客户询问大额存单利率，表示他行利率更高，考虑转出。',
      });
    case 1:
      return json(CRM, customer, {
        kind: 'complaint-filed',
        ...base,
        complaintId: `CP-${i}`,
        category: 'efficiency',
        severity: 'medium',
      });
    case 2:
      return json(CRM, customer, {
        kind: 'survey-answered',
        ...base,
        surveyId: `NPS-${i}`,
        score: i % 11,
      });
    case 3:
      return json(CRM, customer, {
        kind: 'product-purchased',
        ...base,
        holdingId: `H-${i}`,
        productId: 'TD-1Y-2023',
        productKind: 'time-deposit',
        fundedFromAccountId: accountOf(customer),
        principalMinor: 50_000_000,
        currency: 'CNY',
        maturesOn: '2025-06-15',
      });
    case 4:
      return json(CRM, customer, {
        kind: 'rm-assigned',
        ...base,
        rmId: `RM-${i % 40}`,
        teamId: 'T-WEALTH-1',
      });
    default:
      return json(CRM, `C-ONB-${i}`, {
        kind: 'customer-onboarded',
        customerId: `C-ONB-${i}`,
        birthDate: '1986-09-14',
        industryClass: 'prime',
        occupation: '软件工程师',
        branchId: 'BR-X',
        teamId: 'T-WEALTH-2',
        acquisitionChannel: 'payroll',
        occurredAt: at(i),
      });
  }
};

/**
 * A mixed stream of valid messages over the three topics: mostly postings, some account
 * openings, per-employee salary credits, CRM interactions, and every 500th message a payroll
 * batch of 20 credits (keyed by employer), as source systems would interleave them.
 */
export const mixedValidStream = (count: number, runTag: string): TopicMessage[] =>
  Array.from({ length: count }, (_, i) => {
    if (i % 500 === 499)
      return payrollBatch(`E-${runTag}`, `B-${runTag}-${i}`, batchCredits(10_000 + i, 20));
    switch (i % 10) {
      case 0:
        return accountOpened(i);
      case 1:
        return payrollCredit(
          `E-${runTag}`,
          `B-${runTag}-${i}`,
          customerId(i % 500),
          1_875_000 + i,
          i,
        );
      case 2:
      case 3:
        return crmInteraction(i);
      default:
        return transaction(i, customerId(i % 500), `T-${runTag}`);
    }
  });

/** A few messages that break their contract, for the dead-letter queue. */
export const invalidMessage = (i: number): TopicMessage => {
  const posting = transaction(i, customerId(i), 'BAD');
  switch (i % 4) {
    case 0:
      return { topic: CORE, key: customerId(i), value: `{"transactionId":"X-${i}",` };
    case 1:
      return {
        ...posting,
        value: JSON.stringify({ ...(JSON.parse(posting.value as string) as object), bonus: i }),
      };
    case 2:
      return { ...posting, value: (posting.value as string).replace('"CNY"', '"RMB"') };
    default:
      return json(CRM, customerId(i), {
        kind: 'complaint-filed',
        customerId: customerId(i),
        complaintId: `CP-BAD-${i}`,
        category: 'mood',
        severity: 'low',
        occurredAt: at(i),
      });
  }
};

/** Interleaves `invalid` among `valid`, at even spacing, keeping each list's order. */
export const interleave = (
  valid: readonly TopicMessage[],
  invalid: readonly TopicMessage[],
): TopicMessage[] => {
  const every = Math.max(1, Math.floor(valid.length / (invalid.length + 1)));
  const out: TopicMessage[] = [];
  let next = 0;
  valid.forEach((m, i) => {
    out.push(m);
    if ((i + 1) % every === 0 && next < invalid.length) out.push(invalid[next++] as TopicMessage);
  });
  out.push(...invalid.slice(next));
  return out;
};

/** Groups by topic, keeping order, for produceMessages (one topic per call). */
export const byTopic = (messages: readonly TopicMessage[]): Map<string, TopicMessage[]> => {
  const groups = new Map<string, TopicMessage[]>();
  for (const m of messages) {
    const group = groups.get(m.topic);
    if (group === undefined) groups.set(m.topic, [m]);
    else group.push(m);
  }
  return groups;
};
