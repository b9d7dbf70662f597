import { branchMessages } from '../branch/branch-messages';
import { simulateBranch } from '../branch/simulate-branch';
import { writeLabels } from '../writers/labels-writer';
import { writeNdjson } from '../writers/ndjson-writer';
import { parseSimulateArgs } from './simulate-args';

/**
 * `npx ts-node -P tsconfig.scripts.json -r tsconfig-paths/register
 *    libs/simulator/src/cli/simulate.ts --customers 2000 --years 3 --seed 7 --out tmp/branch.ndjson`
 * writes a simulated branch's inbound messages, one a line, and its labels next to them.
 */
const main = async (): Promise<void> => {
  const command = parseSimulateArgs(process.argv.slice(2));
  const started = process.hrtime.bigint();
  const simulation = simulateBranch(command.options);
  await writeLabels(command.labelsOut, simulation);
  const written = await writeNdjson(command.out, branchMessages(simulation, command.options));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const summary = {
    customers: simulation.options.customers,
    from: simulation.startDate,
    snapshot: simulation.snapshotDate,
    messages: written.lines,
    bytes: written.bytes,
    lost: simulation.labels.length,
    lookAlikes: simulation.lookAlikes.length,
    seconds: Math.round(seconds * 10) / 10,
    messagesPerSecond: Math.round(written.lines / seconds),
    out: written.path,
    labels: command.labelsOut,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
