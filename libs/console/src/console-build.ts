import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** Where the console is served: every asset URL of the build starts here (vite.config.ts). */
export const CONSOLE_PATH = '/console';

/** Where `npx nx run console:build` writes, from the workspace root (the process's cwd). */
export const DEFAULT_CONSOLE_DIR = 'dist/console';

/** The build is not there: the console cannot be served, and start-up stops saying why. */
export class ConsoleBuildMissingError extends Error {
  override readonly name = 'ConsoleBuildMissingError';
  constructor(readonly dir: string) {
    super(
      `the web console is not built: ${join(dir, 'index.html')} does not exist. ` +
        'Run `npm run build:console` (or `npx nx run console:build`) first, ' +
        'or point CONSOLE_DIR at a built console.',
    );
  }
}

/**
 * The directory of the built console: `CONSOLE_DIR` (absolute, or relative to the working
 * directory) or dist/console.
 */
export const consoleDir = (
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string => {
  const configured = env['CONSOLE_DIR']?.trim() || DEFAULT_CONSOLE_DIR;
  return isAbsolute(configured) ? configured : resolve(cwd, configured);
};

/** `dir`, when it holds a built console; ConsoleBuildMissingError otherwise. */
export const requireConsoleBuild = (dir: string): string => {
  if (!existsSync(join(dir, 'index.html'))) throw new ConsoleBuildMissingError(dir);
  return dir;
};

/** Whether `dir` holds a built console. */
export const consoleBuilt = (dir: string): boolean => existsSync(join(dir, 'index.html'));
