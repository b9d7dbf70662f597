/**
 * Child process of the durability spec: appends single events (four concurrent appenders, so the
 * group commit is exercised too) and prints each id only after its append has resolved. The
 * spec SIGKILLs it mid-flight and checks that every printed id survived.
 * Usage: node -r ts-node/register/transpile-only append-until-killed.ts <db-file>
 */
import { SqliteEventStore } from '../sqlite-event-store';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: append-until-killed <db-file>');
const store = SqliteEventStore.open(file);

const appendOne = async (n: number): Promise<void> => {
  const id = `ack-${n}`;
  const event = {
    id,
    type: 'PayrollCredited',
    data: { n },
    metadata: { occurredAt: '2024-03-01T09:00:00+08:00', schemaVersion: 1 },
  };
  await store.append(`customer-${n % 16}`, [event], { expectedRevision: 'any' });
  // stdout on a pipe is synchronous on Linux: once written, the parent can count it as acknowledged.
  process.stdout.write(`${id}\n`);
};

const run = async (): Promise<void> => {
  for (let n = 0; ; n += 4) await Promise.all([0, 1, 2, 3].map((i) => appendOne(n + i)));
};

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
