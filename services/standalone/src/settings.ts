import { join } from 'node:path';
import { DEFAULT_RISK_POLICY_FILE } from '@churn/risk';

/** `npm start`'s settings, from the environment (README "Configuration"). */
export interface StandaloneSettings {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly storePath: string;
  /** Size of the simulated demo branch fed in when the store is empty; 0 feeds nothing. */
  readonly demoCustomers: number;
  readonly demoYears: number;
  readonly demoSeed: number;
  /** The versioned risk policy (YAML or JSON), checked at start-up. */
  readonly riskPolicyFile: string;
}

/** Thrown for a wrong setting; the message names the variable and what it must be. */
export class SettingError extends Error {}

const integer = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new SettingError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return Number(raw);
};

export const readSettings = (env: NodeJS.ProcessEnv): StandaloneSettings => {
  const dataDir = env['DATA_DIR'] || 'data';
  return {
    host: env['HOST'] || '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0, 65_535),
    dataDir,
    storePath: join(dataDir, 'events.db'),
    demoCustomers: integer(env, 'DEMO_CUSTOMERS', 300, 0, 213_500),
    demoYears: integer(env, 'DEMO_YEARS', 2, 1, 10),
    demoSeed: integer(env, 'DEMO_SEED', 2024, 0, 2 ** 31),
    riskPolicyFile: env['RISK_POLICY_FILE'] || DEFAULT_RISK_POLICY_FILE,
  };
};
