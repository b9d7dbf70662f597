// Running the command-line tools the deploy checks use (promtool, prometheus, docker compose or
// docker-compose, kubectl). A missing tool fails the test with what to install: these checks
// never skip (.ci/run installs the Debian packages).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');
export const DEPLOY = resolve(REPO_ROOT, 'deploy');

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The command line and everything it printed, for failure messages. */
  readonly transcript: string;
}

export function run(
  command: string,
  args: readonly string[],
  options: {
    readonly cwd?: string;
    readonly timeoutMs?: number;
    readonly env?: Readonly<Record<string, string>>;
  } = {},
): RunResult {
  const result = spawnSync(command, [...args], {
    cwd: options.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  if (result.error !== undefined && (result.error as NodeJS.ErrnoException).code === 'ENOENT')
    return { status: null, stdout: '', stderr: 'not found', transcript: `${command}: not found` };
  const stdout = result.stdout ?? '';
  const stderr = result.stderr ?? '';
  return {
    status: result.status,
    stdout,
    stderr,
    transcript: `$ ${command} ${args.join(' ')}\n${stdout}${stderr}`.trimEnd(),
  };
}

/** Whether `command` runs at all (found on PATH and answers `args`). */
export function available(command: string, args: readonly string[] = ['--version']): boolean {
  return run(command, args, { timeoutMs: 20_000 }).status === 0;
}

/** Fails with the install hint when the tool is not on PATH. */
export function requireTool(command: string, hint: string, args?: readonly string[]): void {
  if (!available(command, args))
    throw new Error(`${command} is needed for this check and was not found on PATH: ${hint}`);
}
