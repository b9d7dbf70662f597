/**
 * Reading a service's settings from its environment. A wrong value stops start-up with a
 * `SettingError` whose message names the variable, what it must be and what it was.
 */
export class SettingError extends Error {
  override readonly name = 'SettingError';
}

export const envInteger = (
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  range: { readonly min: number; readonly max: number },
): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < range.min || value > range.max)
    throw new SettingError(
      `${name} must be an integer from ${range.min} to ${range.max}, got "${raw}"`,
    );
  return value;
};

export const envFlag = (env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false')
    throw new SettingError(`${name} must be true or false, got "${raw}"`);
  return raw === 'true';
};

export const envText = (env: NodeJS.ProcessEnv, name: string, fallback: string): string =>
  env[name] || fallback;

/** Prints a wrong setting as one line (no stack: it is the operator's input, not a bug) and exits. */
export const exitOnStartupError = (error: unknown): never => {
  console.error(error instanceof SettingError ? `configuration error: ${error.message}` : error);
  process.exit(1);
};
