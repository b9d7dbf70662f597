import { readFile } from 'node:fs/promises';
import { dayOfBankDate, type DayNumber } from '@churn/domain-kernel';

/** A lost customer as the simulator's labels file records it (ground truth). */
export interface LostCustomer {
  readonly customerId: string;
  readonly journey: string;
  readonly lostOn: DayNumber;
  readonly tierBefore: string;
  readonly employerId: string | null;
}

export interface BranchLabels {
  readonly startDay: DayNumber;
  readonly endDay: DayNumber;
  readonly lost: ReadonlyMap<string, LostCustomer>;
  /** Customers whose big movements of money were not churn (house purchase, round trip). */
  readonly lookAlikes: ReadonlySet<string>;
}

interface LabelsDocument {
  readonly startDate: string;
  readonly snapshotDate: string;
  readonly labels: readonly {
    customerId: string;
    journey: string;
    lostOn: string;
    tierBefore: string;
    employerId: string | null;
  }[];
  readonly lookAlikes: readonly { customerId: string }[];
}

/** `tmp/branch.ndjson` → `tmp/branch.labels.json`, the simulator's naming. */
export const labelsPathOf = (feed: string): string =>
  feed.endsWith('.ndjson')
    ? `${feed.slice(0, -'.ndjson'.length)}.labels.json`
    : `${feed}.labels.json`;

export const readLabels = async (path: string): Promise<BranchLabels> => {
  const document = JSON.parse(await readFile(path, 'utf8')) as Partial<LabelsDocument>;
  const { startDate, snapshotDate, labels, lookAlikes } = document;
  if (typeof startDate !== 'string' || typeof snapshotDate !== 'string' || !Array.isArray(labels))
    throw new Error(`${path} is not a labels file: startDate, snapshotDate and labels expected`);
  return {
    startDay: dayOfBankDate(startDate),
    endDay: dayOfBankDate(snapshotDate),
    lost: new Map(
      labels.map((l) => [
        l.customerId,
        {
          customerId: l.customerId,
          journey: l.journey,
          lostOn: dayOfBankDate(l.lostOn),
          tierBefore: l.tierBefore,
          employerId: l.employerId,
        },
      ]),
    ),
    lookAlikes: new Set((lookAlikes ?? []).map((l) => l.customerId)),
  };
};
