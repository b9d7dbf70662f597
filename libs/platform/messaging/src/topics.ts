// The project's topics as data. Partitions and retention are decided here, in review, not by
// whichever producer happens to touch a topic first (the broker has auto-creation off).

export const TopicNames = {
  coreBankingTransactions: 'corebanking.transactions.v1',
  payrollDisbursements: 'payroll.disbursements.v1',
  crmInteractions: 'crm.interactions.v1',
  retentionAlerts: 'retention.alerts.v1',
} as const;

/** Facts arriving from the bank's source systems; each has a dead-letter twin. */
export const INBOUND_TOPICS: readonly string[] = [
  TopicNames.coreBankingTransactions,
  TopicNames.payrollDisbursements,
  TopicNames.crmInteractions,
];

export function dlqOf(topic: string): string {
  return `${topic}.dlq`;
}

export type CleanupPolicy = 'delete' | 'compact' | 'compact,delete';

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** -1 keeps messages forever, as in Kafka. */
  readonly retentionMs: number;
  readonly cleanupPolicy: CleanupPolicy;
}

export interface TopicPlan {
  readonly inboundPartitions: number;
  readonly dlqPartitions: number;
  readonly alertPartitions: number;
  readonly inboundRetentionMs: number;
  readonly dlqRetentionMs: number;
  readonly alertRetentionMs: number;
  /** 1 on the local single-node broker; a production cluster passes 3. */
  readonly replicationFactor: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_TOPIC_PLAN: TopicPlan = {
  // Inbound partitions bound ingestion parallelism per topic; 6 leaves room to scale consumers.
  inboundPartitions: 6,
  dlqPartitions: 3,
  alertPartitions: 3,
  // Inbound facts are re-readable for a week (replay after an ingestion bug); once ingested the
  // event store is the record, so Kafka need not keep them longer.
  inboundRetentionMs: 7 * DAY_MS,
  // Dead letters wait for a human, who may be on holiday: a month.
  dlqRetentionMs: 30 * DAY_MS,
  alertRetentionMs: 30 * DAY_MS,
  replicationFactor: 1,
};

export function projectTopics(overrides: Partial<TopicPlan> = {}): TopicSpec[] {
  const plan: TopicPlan = { ...DEFAULT_TOPIC_PLAN, ...overrides };
  const spec = (name: string, partitions: number, retentionMs: number): TopicSpec => ({
    name,
    partitions,
    replicationFactor: plan.replicationFactor,
    retentionMs,
    cleanupPolicy: 'delete',
  });
  return [
    ...INBOUND_TOPICS.flatMap((topic) => [
      spec(topic, plan.inboundPartitions, plan.inboundRetentionMs),
      spec(dlqOf(topic), plan.dlqPartitions, plan.dlqRetentionMs),
    ]),
    spec(TopicNames.retentionAlerts, plan.alertPartitions, plan.alertRetentionMs),
  ];
}
