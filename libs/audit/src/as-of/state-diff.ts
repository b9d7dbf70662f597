/**
 * What changed between two moments (issue 6 §1: "the difference between two moments"), as a
 * list of leaf paths: `aumMinor`, `payroll[E-A].lastCredit.date`, `holdings[H-9].status`.
 * Lists of things with an id are compared by id, so a new holding is one added path, not a
 * shifted list; other lists (signal codes, product kinds) are compared whole.
 */
export interface StateChange {
  readonly path: string;
  /** Null where the path did not exist at that moment. */
  readonly from: unknown;
  readonly to: unknown;
}

/** Keys of list items that identify them, in the order tried (a payroll series names its account too). */
const ID_KEYS = ['employerId', 'holdingId', 'accountId', 'complaintId', 'code'] as const;

/** Where the moments are told apart anyway: the moment itself and the count of events folded. */
const NOT_COMPARED = new Set([
  'at',
  'eventsFolded',
  'factsFolded',
  'lastRevision',
  'lastPosition',
  'lastOccurredAt',
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const idOf = (item: unknown): string | undefined => {
  if (!isRecord(item)) return undefined;
  for (const key of ID_KEYS) if (typeof item[key] === 'string') return item[key] as string;
  return undefined;
};

interface Flat {
  readonly leaves: Map<string, unknown>;
  /** Items of keyed lists, by their path: one that comes or goes is one change, not one per field. */
  readonly items: Map<string, unknown>;
}

/** Leaf paths and their values; keyed lists become `[id]` segments. */
export const flattenState = (
  value: unknown,
  path = '',
  into: Flat = { leaves: new Map(), items: new Map() },
): Flat => {
  if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (path === '' && NOT_COMPARED.has(key)) continue;
      flattenState(child, path === '' ? key : `${path}.${key}`, into);
    }
    if (Object.keys(value).length === 0) into.leaves.set(path, {});
    return into;
  }
  // An empty list has no leaves: what appears in it later shows as added paths.
  if (Array.isArray(value) && value.length === 0) return into;
  if (Array.isArray(value) && value.every((v) => idOf(v) !== undefined)) {
    for (const item of value) {
      const itemPath = `${path}[${idOf(item) ?? ''}]`;
      into.items.set(itemPath, item);
      flattenState(item, itemPath, into);
    }
    return into;
  }
  into.leaves.set(path, value);
  return into;
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export const diffStates = (from: unknown, to: unknown): StateChange[] => {
  const before = flattenState(from);
  const after = flattenState(to);
  const changes: StateChange[] = [];
  const gone = [...before.items.keys()].filter((p) => !after.items.has(p));
  const come = [...after.items.keys()].filter((p) => !before.items.has(p));
  for (const path of gone) changes.push({ path, from: before.items.get(path), to: null });
  for (const path of come) changes.push({ path, from: null, to: after.items.get(path) });
  const whole = [...gone, ...come];
  const inWhole = (path: string) => whole.some((w) => path.startsWith(w));
  for (const [path, value] of before.leaves) {
    if (inWhole(path)) continue;
    const next = after.leaves.has(path) ? after.leaves.get(path) : null;
    if (!same(value, next)) changes.push({ path, from: value ?? null, to: next ?? null });
  }
  for (const [path, value] of after.leaves)
    if (!before.leaves.has(path) && !inWhole(path) && value !== null)
      changes.push({ path, from: null, to: value });
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
};
