import { TopicNames } from '@churn/messaging';

/**
 * The inbound topics (ARCHITECTURE.md), taken from @churn/messaging's topic plan so the names
 * the decoder routes on and the topics the project creates cannot drift apart.
 */
export const INBOUND_TOPIC_NAMES = {
  coreBankingTransactions: TopicNames.coreBankingTransactions,
  payrollDisbursements: TopicNames.payrollDisbursements,
  crmInteractions: TopicNames.crmInteractions,
} as const;
