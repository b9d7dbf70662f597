/**
 * Checks for configuration files (the alerting policy, the staff directory) that collect every
 * problem with its key path instead of stopping at the first, so one start-up tells an operator
 * everything to fix (ARCHITECTURE.md principle 8).
 */
export type Problems = string[];

type Json = Readonly<Record<string, unknown>>;

/** A value as it reads in a message: short JSON, or `nothing`. */
export const shown = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

export const keyPath = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An object with exactly `required` keys (and maybe `optional` ones): reports each missing and
 * each unknown key; returns the object (even with problems, so its keys are checked too) or null.
 */
export const object = (
  problems: Problems,
  value: unknown,
  path: string,
  required: readonly string[],
  optional: (key: string) => boolean = () => false,
): Json | null => {
  if (!isRecord(value)) {
    problems.push(`${path === '' ? 'the root' : path} must be an object, got ${shown(value)}`);
    return null;
  }
  for (const key of required)
    if (!(key in value)) problems.push(`${keyPath(path, key)} is missing`);
  for (const key of Object.keys(value))
    if (!required.includes(key) && !optional(key))
      problems.push(`${keyPath(path, key)} is not a known key`);
  return value;
};

export const array = (
  problems: Problems,
  value: unknown,
  path: string,
): readonly unknown[] | null => {
  if (Array.isArray(value)) return value;
  problems.push(`${path} must be a list, got ${shown(value)}`);
  return null;
};

export const integer = (
  problems: Problems,
  value: unknown,
  path: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): void => {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max)
    return;
  const what =
    max === Number.MAX_SAFE_INTEGER
      ? min === 1
        ? 'a positive integer'
        : `an integer of at least ${min}`
      : `an integer ${min}..${max}`;
  problems.push(`${path} must be ${what}, got ${shown(value)}`);
};

export const positiveInteger = (problems: Problems, value: unknown, path: string): void =>
  integer(problems, value, path, 1);

export const oneOf = <T extends string>(
  problems: Problems,
  value: unknown,
  path: string,
  options: readonly T[],
): value is T => {
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return true;
  problems.push(`${path} must be one of ${options.join(', ')}, got ${shown(value)}`);
  return false;
};

export const text = (problems: Problems, value: unknown, path: string): value is string => {
  if (typeof value === 'string' && value.trim() !== '') return true;
  problems.push(`${path} must be a non-empty string, got ${shown(value)}`);
  return false;
};

export const nullableText = (problems: Problems, value: unknown, path: string): void => {
  if (value !== null) text(problems, value, path);
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const isDate = (value: unknown): value is string => {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
};

export const date = (problems: Problems, value: unknown, path: string): void => {
  if (!isDate(value)) problems.push(`${path} must be a date YYYY-MM-DD, got ${shown(value)}`);
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 instant with its offset, e.g. `2026-12-01T09:00:00+08:00`. */
export const instant = (problems: Problems, value: unknown, path: string): value is string => {
  if (typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
    return true;
  problems.push(`${path} must be an ISO-8601 instant with an offset, got ${shown(value)}`);
  return false;
};

/** Reports the values that occur more than once in a list. */
export const unique = (problems: Problems, values: readonly unknown[], path: string): void => {
  const seen = new Set<unknown>();
  for (const [index, value] of values.entries()) {
    if (seen.has(value)) problems.push(`${keyPath(path, index)} repeats ${shown(value)}`);
    seen.add(value);
  }
};

export const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};
