import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { WorkerOptions } from 'node:worker_threads';

/**
 * The program of a worker thread, `<name>` beside the file that starts it (`callerFile`, its
 * `__filename`): JavaScript in a build, TypeScript when run from sources (ts-node, Jest). The
 * caller imports the entry too, so that a build (tsc following imports) emits it.
 */
export const threadEntry = (callerFile: string, name: string): string =>
  join(dirname(callerFile), `${name}${extname(callerFile)}`);

/**
 * Options for a thread running `threadEntry(callerFile, …)`. Built, only its data. From
 * TypeScript sources the thread registers ts-node and the workspace's path aliases, as the
 * scripts do.
 */
export const threadOptions = (callerFile: string, workerData: unknown): WorkerOptions => {
  if (extname(callerFile) !== '.ts') return { workerData };
  const project = process.env['TS_NODE_PROJECT'] ?? findUp('tsconfig.scripts.json', callerFile);
  return {
    workerData,
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    env: { ...process.env, ...(project === undefined ? {} : { TS_NODE_PROJECT: project }) },
  };
};

const findUp = (name: string, from: string): string | undefined => {
  const candidate = join(dirname(from), name);
  if (existsSync(candidate)) return candidate;
  const parent = dirname(from);
  return parent === from ? undefined : findUp(name, parent);
};
