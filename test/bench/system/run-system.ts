// `npm run bench:system [-- sustained latency catch-up]`: the system benchmark (issue 7 §3). The
// three services run as separate processes against the local broker (KAFKA_BROKERS, default
// 127.0.0.1:9092, started if needed: the inbound topics are recreated, so do not run it next to
// the system tests) and one embedded store. Prints one table, every figure next to its raw
// baseline measured in the same run, and writes it to tmp/bench-system/system-bench-<date>.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { requireKafkaBroker } from '@churn/messaging/testing';
import { renderTable, type BenchRow } from '../bench-table';
import { catchUpBench } from './catch-up.bench';
import { latencyBench } from './latency.bench';
import { sustainedBench } from './sustained.bench';

const PARTS = {
  sustained: (brokers: readonly string[]) => sustainedBench(brokers),
  latency: (brokers: readonly string[]) => latencyBench(brokers),
  'catch-up': () => catchUpBench(),
} as const;
type Part = keyof typeof PARTS;

const main = async (): Promise<void> => {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !(a in PARTS));
  if (unknown.length > 0)
    throw new Error(
      `unknown part(s) ${unknown.join(', ')}; known: ${Object.keys(PARTS).join(', ')}`,
    );
  const parts = (asked.length > 0 ? asked : Object.keys(PARTS)) as Part[];
  const { brokers } = await requireKafkaBroker();
  const rows: BenchRow[] = [];
  for (const part of parts) {
    process.stderr.write(`running ${part}...\n`);
    const started = performance.now();
    rows.push(...(await PARTS[part](brokers)));
    process.stderr.write(
      `${part} done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    );
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${date} · ${os.cpus().length} × ${cpu} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version} · load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
  const table = renderTable(rows);
  console.log(`\n${machine}\n\n${table}`);
  const dir = resolve(__dirname, '../../../tmp/bench-system');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `system-bench-${date}.md`);
  writeFileSync(file, `# npm run bench:system\n\n${machine}\n\n${table}\n`);
  process.stderr.write(`written to ${file}\n`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
