import type { MonthIndex } from './months';

/**
 * A set of months as sorted, disjoint runs `[start0, end0, start1, end1, …]`: an employee paid
 * every month of three years costs two numbers, not thirty-six.
 */
export type MonthRuns = number[];

/** Adds `month`; true when it was not there yet. Months mostly arrive in order: O(1) then. */
export const addMonth = (runs: MonthRuns, month: MonthIndex): boolean => {
  const lastEnd = runs[runs.length - 1];
  if (lastEnd === undefined || month > lastEnd + 1) {
    runs.push(month, month);
    return true;
  }
  if (month === lastEnd + 1) {
    runs[runs.length - 1] = month;
    return true;
  }
  for (let i = 0; i < runs.length; i += 2) {
    const start = runs[i] as number;
    const end = runs[i + 1] as number;
    if (month >= start && month <= end) return false;
    if (month < start - 1) {
      runs.splice(i, 0, month, month);
      return true;
    }
    if (month === start - 1 || month === end + 1) {
      if (month === start - 1) runs[i] = month;
      else runs[i + 1] = month;
      mergeAround(runs, i);
      return true;
    }
  }
  return false;
};

/** Joins run `i` with its neighbours when a new month closed the gap between them. */
const mergeAround = (runs: MonthRuns, i: number): void => {
  const nextStart = runs[i + 2];
  if (nextStart !== undefined && nextStart <= (runs[i + 1] as number) + 1) {
    runs[i + 1] = runs[i + 3] as number;
    runs.splice(i + 2, 2);
  }
  const previousEnd = runs[i - 1];
  if (previousEnd !== undefined && (runs[i] as number) <= previousEnd + 1) {
    runs[i - 1] = runs[i + 1] as number;
    runs.splice(i, 2);
  }
};

/** Whether any month of `from..to` is in the set. */
export const overlaps = (runs: MonthRuns, from: MonthIndex, to: MonthIndex): boolean => {
  for (let i = 0; i < runs.length; i += 2)
    if ((runs[i] as number) <= to && (runs[i + 1] as number) >= from) return true;
  return false;
};
