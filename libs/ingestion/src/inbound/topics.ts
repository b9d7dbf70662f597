/** The inbound topics (ARCHITECTURE.md), as @churn/messaging names them. */
export const INBOUND_TOPIC_NAMES = {
  coreBankingTransactions: 'corebanking.transactions.v1',
  payrollDisbursements: 'payroll.disbursements.v1',
  crmInteractions: 'crm.interactions.v1',
} as const;
