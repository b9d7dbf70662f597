import type { BankFact, FactOf } from '@churn/domain-facts';
import { INBOUND_TOPIC_NAMES } from '../inbound/topics';

export type InboundTopicName = (typeof INBOUND_TOPIC_NAMES)[keyof typeof INBOUND_TOPIC_NAMES];

/**
 * One inbound message as a source system sends it (CONTRACTS.md): the topic, the Kafka key
 * (the customer id; an employer id for a payroll batch) and the JSON value. The value is a plain
 * object; whoever sends it serialises it (`JSON.stringify`) once.
 */
export interface FactMessage {
  readonly topic: InboundTopicName;
  readonly key: string;
  readonly value: Readonly<Record<string, unknown>>;
}

const { coreBankingTransactions, payrollDisbursements, crmInteractions } = INBOUND_TOPIC_NAMES;

const message = (
  topic: InboundTopicName,
  fact: BankFact,
  value: Readonly<Record<string, unknown>>,
): FactMessage => ({ topic, key: fact.data.customerId, value });

/**
 * The message that carries `fact`: the inverse of the mapping in `src/mapping`, so that
 * `decodeMessage` of the result books exactly `fact` again. Salary is sent in the per-employee
 * `credit` form; `payrollBatchMessage` builds the `batch` form. Event ids derive from the
 * natural ids in the message (transactionId, holdingId, contactId…), so a fact must carry them.
 */
export const factMessage = (fact: BankFact): FactMessage => {
  switch (fact.type) {
    case 'TransactionPosted':
      return message(coreBankingTransactions, fact, { kind: 'transaction', ...fact.data });
    case 'AccountOpened': {
      const { kind, ...rest } = fact.data;
      return message(coreBankingTransactions, fact, {
        kind: 'account-opened',
        ...rest,
        accountKind: kind,
      });
    }
    case 'AccountClosed':
      return message(coreBankingTransactions, fact, { kind: 'account-closed', ...fact.data });
    case 'PayrollCredited':
      return message(payrollDisbursements, fact, { kind: 'credit', ...fact.data });
    default:
      return message(crmInteractions, fact, { kind: CRM_KIND[fact.type], ...definedFields(fact) });
  }
};

type CrmFactType = Exclude<
  BankFact['type'],
  'TransactionPosted' | 'AccountOpened' | 'AccountClosed' | 'PayrollCredited'
>;

/** The `kind` of `crm.interactions.v1` that carries each customer-relationship fact. */
const CRM_KIND: Readonly<Record<CrmFactType, string>> = {
  CustomerOnboarded: 'customer-onboarded',
  CustomerProfileChanged: 'profile-changed',
  RelationshipManagerAssigned: 'rm-assigned',
  ContactLogged: 'contact-logged',
  ComplaintFiled: 'complaint-filed',
  SurveyAnswered: 'survey-answered',
  ProductPurchased: 'product-purchased',
  ProductMatured: 'product-matured',
  ProductRolledOver: 'product-rolled-over',
  ProductRedeemed: 'product-redeemed',
};

/**
 * The fact's data without fields left `undefined`: a profile change names only what changed,
 * and an optional field is left out, never sent as null (CONTRACTS.md, "nullable").
 */
const definedFields = (fact: FactOf<CrmFactType>): Record<string, unknown> => {
  if (fact.type !== 'CustomerProfileChanged') return { ...fact.data };
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fact.data))
    if (value !== undefined) fields[name] = value;
  return fields;
};
