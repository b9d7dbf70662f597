import { parseArgs } from 'node:util';
import type { PayrollForm } from '../branch/branch-messages';
import type { SimulationOptions } from '../branch/simulation-options';

export interface SimulateCommand {
  readonly options: SimulationOptions & { readonly payrollForm: PayrollForm };
  readonly out: string;
  readonly labelsOut: string;
}

export const USAGE = `usage: simulate --customers 2000 --years 3 --seed 7 --out tmp/branch.ndjson
  [--start YYYY-MM-DD] [--churn-rate 0.276] [--look-alike-rate 0.02] [--payroll credit|batch]
writes the inbound messages (NDJSON) to --out and the ground truth next to it (<out>.labels.json)`;

const number = (value: string | undefined, name: string, fallback?: number): number => {
  if (value === undefined) {
    if (fallback === undefined) throw new RangeError(`--${name} is required\n${USAGE}`);
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new RangeError(`--${name} must be a number, not ${value}`);
  return parsed;
};

/** The command line of `simulate.ts`, checked. */
export const parseSimulateArgs = (args: readonly string[]): SimulateCommand => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      customers: { type: 'string' },
      years: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      start: { type: 'string' },
      'churn-rate': { type: 'string' },
      'look-alike-rate': { type: 'string' },
      payroll: { type: 'string' },
    },
  });
  const out = values.out ?? 'tmp/branch.ndjson';
  const payroll = values.payroll ?? 'credit';
  if (payroll !== 'credit' && payroll !== 'batch')
    throw new RangeError(`--payroll is credit or batch, not ${payroll}`);
  const churnRate = values['churn-rate'];
  const lookAlikeRate = values['look-alike-rate'];
  return {
    options: {
      customers: number(values.customers, 'customers', 2_000),
      years: number(values.years, 'years', 3),
      seed: number(values.seed, 'seed', 7),
      ...(values.start === undefined ? {} : { startDate: values.start }),
      ...(churnRate === undefined ? {} : { churnRate: number(churnRate, 'churn-rate') }),
      ...(lookAlikeRate === undefined
        ? {}
        : { lookAlikeRate: number(lookAlikeRate, 'look-alike-rate') }),
      payrollForm: payroll,
    },
    out,
    labelsOut: out.endsWith('.ndjson')
      ? `${out.slice(0, -'.ndjson'.length)}.labels.json`
      : `${out}.labels.json`,
  };
};
