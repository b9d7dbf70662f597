import os from 'node:os';
import { renderTable, type Benchmark, type BenchRow } from './bench-table';
import { benchmarks } from './benchmarks';

/** `npm run bench [-- name...]`: runs the benchmarks in one process and prints one table. */
const main = async (): Promise<void> => {
  const only = process.argv.slice(2);
  const selected: readonly Benchmark[] = only.length
    ? benchmarks.filter((b) => only.includes(b.name))
    : benchmarks;
  const rows: BenchRow[] = [];
  for (const bench of selected) {
    process.stderr.write(`running ${bench.name}...\n`);
    rows.push(...(await bench.run()));
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `\n${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} × ${cpu} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version}\n`,
  );
  console.log(renderTable(rows));
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
