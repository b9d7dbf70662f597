import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BranchSimulation } from '../branch/simulate-branch';

/** The ground truth of a simulated branch, as `labels.json`: what was lost, when, and why. */
export const labelsDocument = (simulation: BranchSimulation) => ({
  options: simulation.options,
  startDate: simulation.startDate,
  snapshotDate: simulation.snapshotDate,
  snapshotQuotas: simulation.snapshotQuotas,
  employers: simulation.employers,
  payrollMove: simulation.payrollMove,
  labels: simulation.labels,
  lookAlikes: simulation.lookAlikes,
});

export const writeLabels = async (path: string, simulation: BranchSimulation): Promise<void> => {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(labelsDocument(simulation), null, 2)}\n`, 'utf8');
};
