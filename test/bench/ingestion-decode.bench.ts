import { decodeMessage, type InboundEnvelope } from '@churn/ingestion';
import { percentile, timeRuns, type Benchmark, type BenchRow } from './bench-table';

/**
 * Ingestion's per-message decode (bytes → validated DTO → TransactionPosted with its UUID v5
 * id) against plain JSON.parse of the same bytes. The ingestion target is 20,000 messages/s end
 * to end on a 2-core machine; decode shares a core with the Kafka client and the appends, so it
 * must take well under 50 µs. 1,000 distinct postings (~330 bytes each) are built before timing.
 */
const MESSAGES = 1_000;
const ROUNDS = 20;
const WARMUP_RUNS = 3;
const RUNS = 9;
const BATCH_CREDITS = 10_000;
const NOW = new Date('2024-06-30T04:00:00Z');
const TARGET = 20_000;

let sink = 0;

const posting = (n: number): InboundEnvelope => {
  const customerId = `C-${100_000 + (n % 997)}`;
  const value = {
    transactionId: `T-20240603-${String(n).padStart(6, '0')}`,
    customerId,
    accountId: `A-6222${String(n % 997).padStart(12, '0')}`,
    direction: n % 3 === 0 ? 'credit' : 'debit',
    amountMinor: 1_000 + ((n * 7919) % 5_000_000),
    currency: 'CNY',
    channel: 'mobile',
    counterpartyBank: n % 4 === 0 ? 'China Merchants Bank' : null,
    otherBank: n % 4 === 0,
    category: 'transfer',
    occurredAt: new Date(Date.UTC(2024, 5, 3) + n * 1000).toISOString(),
  };
  const bytes = Buffer.from(JSON.stringify(value), 'utf8');
  return {
    topic: 'corebanking.transactions.v1',
    partition: n % 6,
    offset: String(n),
    key: Buffer.from(customerId),
    value: bytes,
    timestamp: '0',
  };
};

const payrollBatch = (): InboundEnvelope => {
  const credits = Array.from({ length: BATCH_CREDITS }, (_, i) => ({
    customerId: `C-${i}`,
    accountId: `A-${i}`,
    amountMinor: 500_000 + i,
  }));
  const value = {
    kind: 'batch',
    employerId: 'E-A',
    batchId: 'E-A-2024-05',
    payPeriod: '2024-05',
    currency: 'CNY',
    occurredAt: '2024-06-05T09:00:00+08:00',
    credits,
  };
  return {
    topic: 'payroll.disbursements.v1',
    partition: 0,
    offset: '0',
    key: Buffer.from('E-A'),
    value: Buffer.from(JSON.stringify(value)),
    timestamp: '0',
  };
};

const decodeAll = (messages: readonly InboundEnvelope[]) => (): void => {
  for (let round = 0; round < ROUNDS; round++) {
    for (const message of messages) {
      const decoded = decodeMessage(message, { now: NOW });
      sink += decoded.kind === 'facts' ? decoded.appends.length : -1_000_000;
    }
  }
};

const parseAll = (messages: readonly InboundEnvelope[]) => (): void => {
  for (let round = 0; round < ROUNDS; round++) {
    for (const message of messages)
      sink += (JSON.parse(message.value?.toString('utf8') ?? '{}') as { amountMinor: number })
        .amountMinor;
  }
};

export const ingestionDecodeBenchmark: Benchmark = {
  name: 'ingestion-decode',
  async run(): Promise<readonly BenchRow[]> {
    const messages = Array.from({ length: MESSAGES }, (_, n) => posting(n));
    const [decode, parse] = [decodeAll(messages), parseAll(messages)];
    timeRuns(WARMUP_RUNS, decode);
    timeRuns(WARMUP_RUNS, parse);
    const decodeMs = percentile(timeRuns(RUNS, decode), 50);
    const parseMs = percentile(timeRuns(RUNS, parse), 50);
    const batch = payrollBatch();
    const batchMs = percentile(
      timeRuns(5, () => (sink += decodeMessage(batch, { now: NOW }).kind.length)),
      50,
    );
    const count = MESSAGES * ROUNDS;
    const microseconds = (ms: number): number => (ms * 1000) / count;
    if (sink < 0) process.stderr.write('ingestion-decode: a benchmark message was rejected\n');
    return [
      {
        bench: 'ingestion-decode',
        measure: `decode one transaction message (~${messages[0]?.value?.length ?? 0} B) vs plain JSON.parse, median of ${RUNS}`,
        value: microseconds(decodeMs),
        unit: 'µs/message',
        baseline: microseconds(parseMs),
      },
      {
        bench: 'ingestion-decode',
        measure: 'decode throughput on one core, transaction messages',
        value: (count / decodeMs) * 1000,
        unit: 'messages/s',
        baseline: (count / parseMs) * 1000,
        target: '>= 20,000 messages/s (end to end, 2 cores)',
        met: (count / decodeMs) * 1000 >= TARGET,
      },
      {
        bench: 'ingestion-decode',
        measure: `decode one payroll batch of ${BATCH_CREDITS.toLocaleString('en-US')} credits (${(batch.value?.length ?? 0).toLocaleString('en-US')} B)`,
        value: batchMs,
        unit: 'ms',
      },
    ];
  },
};
