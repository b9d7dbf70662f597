// How far a consumer group is behind, per partition, from the broker's point of view
// (committed offsets vs high watermarks): the watchdog's evidence that there is work to do.
import type { Admin, Kafka } from 'kafkajs';

export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  readonly lag: number;
}

/** Owns the admin client a TopicConsumer uses for offsets and topic checks. */
export class GroupLagReader {
  private admin: Admin | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly topics: readonly string[],
    private readonly fromBeginning: boolean,
  ) {}

  async listTopics(): Promise<string[]> {
    return this.withAdmin((admin) => admin.listTopics());
  }

  async read(): Promise<PartitionLag[]> {
    return this.withAdmin(async (admin) => {
      const committed = await admin.fetchOffsets({
        groupId: this.groupId,
        topics: [...this.topics],
      });
      const lags: PartitionLag[] = [];
      for (const topic of this.topics) {
        const ours = committed.find((c) => c.topic === topic)?.partitions ?? [];
        for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
          const offset = ours.find((p) => p.partition === partition)?.offset ?? '-1';
          const lag = lagOf(BigInt(offset), BigInt(low), BigInt(high), this.fromBeginning);
          lags.push({ topic, partition, lag });
        }
      }
      return lags;
    });
  }

  async disconnect(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect();
  }

  private async withAdmin<T>(use: (admin: Admin) => Promise<T>): Promise<T> {
    if (this.admin === undefined) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    try {
      return await use(this.admin);
    } catch (error) {
      // A fresh admin next time: one that lived through a broker restart may keep stale state.
      await this.disconnect().catch(() => undefined);
      throw error;
    }
  }
}

function lagOf(committed: bigint, low: bigint, high: bigint, fromBeginning: boolean): number {
  // Nothing committed yet: a fromBeginning group owes the whole retained log; a latest-only
  // group owes nothing we can measure, and guessing would make the watchdog rebuild an idle
  // consumer forever.
  if (committed < 0n) return fromBeginning ? Number(high - low) : 0;
  // Committed below the log start (retention deleted it): the consumer resumes at low.
  const from = committed < low ? low : committed;
  return Number(high > from ? high - from : 0n);
}
