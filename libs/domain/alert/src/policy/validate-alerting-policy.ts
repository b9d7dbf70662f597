import { SEGMENTS, TIERS } from '@churn/domain-customer';
import {
  ALERT_LEVELS,
  ALERT_SEVERITIES,
  NOTIFICATION_CHANNELS,
  SLA_KINDS,
} from '../decider/alert-vocabulary';
import { AlertingConfigError } from './alerting-config-error';
import type { AlertingPolicy } from './alerting-policy';
import {
  array,
  date,
  deepFreeze,
  integer,
  keyPath,
  object,
  oneOf,
  positiveInteger,
  shown,
  unique,
  type Problems,
} from './config-checks';

export { AlertingConfigError } from './alerting-config-error';
export { validateStaffDirectory } from '../staff/validate-staff-directory';

const POLICY_KEYS = [
  'version',
  'routing',
  'sla',
  'calendar',
  'noise',
  'snooze',
  'reopenWithinDays',
  'channels',
  'suggestedActions',
] as const;

/** Safe inside derived ids and file names, e.g. `2026-11-1`. */
const VERSION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Thesis Table 5.3: at most six service items per segment, so contact does not become a nuisance. */
const MAX_SUGGESTED_ACTIONS = 6;

const checkRouting = (problems: Problems, value: unknown): void => {
  const routing = object(problems, value, 'routing', TIERS);
  for (const tier of TIERS) {
    const path = keyPath('routing', tier);
    const row =
      routing && tier in routing
        ? object(problems, routing[tier], path, ['minimumSeverity', 'firstHolder', 'inform'])
        : null;
    if (!row) continue;
    if ('minimumSeverity' in row)
      oneOf(problems, row['minimumSeverity'], `${path}.minimumSeverity`, ALERT_SEVERITIES);
    if ('firstHolder' in row)
      oneOf(problems, row['firstHolder'], `${path}.firstHolder`, ['rm', 'team-queue']);
    const inform = 'inform' in row ? array(problems, row['inform'], `${path}.inform`) : null;
    inform?.forEach((level, i) =>
      oneOf(problems, level, keyPath(`${path}.inform`, i), ['supervisor', 'branch-head']),
    );
    if (inform) unique(problems, inform, `${path}.inform`);
  }
};

/** Walks `keys` level by level under `path`, reporting missing and unknown keys on the way. */
const nested = (
  problems: Problems,
  value: unknown,
  path: string,
  keys: readonly (readonly string[])[],
  leaf: (v: unknown, p: string) => void,
): void => {
  const [here, ...below] = keys;
  if (!here) return leaf(value, path);
  const node = object(problems, value, path, here);
  if (node)
    for (const key of here)
      if (key in node) nested(problems, node[key], keyPath(path, key), below, leaf);
};

const checkSla = (problems: Problems, value: unknown): void => {
  nested(problems, value, 'sla', [TIERS, ALERT_SEVERITIES, ALERT_LEVELS], (clocks, path) => {
    const node = object(problems, clocks, path, SLA_KINDS);
    if (!node) return;
    for (const kind of SLA_KINDS)
      if (kind in node) positiveInteger(problems, node[kind], keyPath(path, kind));
    const [ack, contact, resolve] = SLA_KINDS.map((k) => node[k]);
    if (
      [ack, contact, resolve].every(Number.isSafeInteger) &&
      (resolve as number) < Math.max(ack as number, contact as number)
    )
      problems.push(
        `${path}.resolve (${shown(resolve)}) must be at least acknowledge (${shown(ack)}) and contact (${shown(contact)})`,
      );
  });
};

const checkDates = (problems: Problems, value: unknown, path: string): readonly unknown[] => {
  const dates = array(problems, value, path) ?? [];
  dates.forEach((d, i) => date(problems, d, keyPath(path, i)));
  unique(problems, dates, path);
  return dates;
};

const checkCalendar = (problems: Problems, value: unknown): void => {
  const keys = [
    'utcOffsetMinutes',
    'workdayStartMinute',
    'workdayEndMinute',
    'holidays',
    'makeUpWorkdays',
  ];
  const calendar = object(problems, value, 'calendar', keys);
  if (!calendar) return;
  const { utcOffsetMinutes: offset, workdayStartMinute: start, workdayEndMinute: end } = calendar;
  integer(problems, offset, 'calendar.utcOffsetMinutes', -720, 840);
  integer(problems, start, 'calendar.workdayStartMinute', 0, 1_439);
  integer(problems, end, 'calendar.workdayEndMinute', 1, 1_440);
  if (typeof start === 'number' && typeof end === 'number' && start >= end)
    problems.push(
      `calendar.workdayStartMinute (${start}) must be before calendar.workdayEndMinute (${end})`,
    );
  const holidays = new Set(checkDates(problems, calendar['holidays'], 'calendar.holidays'));
  checkDates(problems, calendar['makeUpWorkdays'], 'calendar.makeUpWorkdays').forEach((d, i) => {
    if (holidays.has(d))
      problems.push(`calendar.makeUpWorkdays[${i}] ${shown(d)} is also in calendar.holidays`);
  });
};

const checkNoise = (problems: Problems, value: unknown): void => {
  const noise = object(problems, value, 'noise', [
    'throttleDays',
    'digestWindowSeconds',
    'immediateSeverity',
  ]);
  if (!noise) return;
  integer(problems, noise['throttleDays'], 'noise.throttleDays', 0);
  integer(problems, noise['digestWindowSeconds'], 'noise.digestWindowSeconds', 0);
  oneOf(problems, noise['immediateSeverity'], 'noise.immediateSeverity', ALERT_SEVERITIES);
};

const checkChannels = (problems: Problems, value: unknown): void =>
  nested(problems, value, 'channels', [ALERT_LEVELS], (list, path) => {
    const channels = array(problems, list, path);
    if (!channels) return;
    if (channels.length === 0) problems.push(`${path} must list at least one channel`);
    channels.forEach((c, i) => oneOf(problems, c, keyPath(path, i), NOTIFICATION_CHANNELS));
    unique(problems, channels, path);
  });

const TIER_DEFAULTS: readonly string[] = TIERS.map((tier) => `none:${tier}`);

const checkSuggestedActions = (problems: Problems, value: unknown): void => {
  const actions = object(problems, value, 'suggestedActions', [...SEGMENTS, 'none'], (key) =>
    TIER_DEFAULTS.includes(key),
  );
  for (const [key, list] of Object.entries(actions ?? {})) {
    const path = keyPath('suggestedActions', key);
    const items = array(problems, list, path);
    if (!items) continue;
    items.forEach((item, i) => integer(problems, item, keyPath(path, i), 1, 9));
    unique(problems, items, path);
    if (items.length > MAX_SUGGESTED_ACTIONS)
      problems.push(
        `${path} lists ${items.length} service items, at most ${MAX_SUGGESTED_ACTIONS} (thesis Table 5.3)`,
      );
  }
};

/**
 * Checks a candidate alerting policy (parsed from YAML by the feature layer) and returns a frozen
 * copy; throws `AlertingConfigError` listing every problem with its key path, e.g.
 * `sla.fortune.critical.rm.acknowledge must be a positive integer, got -1`.
 */
export const validateAlertingPolicy = (raw: unknown): AlertingPolicy => {
  const problems: Problems = [];
  const policy = object(problems, raw, '', POLICY_KEYS);
  if (policy) {
    const { version } = policy;
    if ('version' in policy && (typeof version !== 'string' || !VERSION_NAME.test(version)))
      problems.push(
        `version must be a version name (letters, digits, '.', '_', '-'; at most 64), got ${shown(version)}`,
      );
    if ('routing' in policy) checkRouting(problems, policy['routing']);
    if ('sla' in policy) checkSla(problems, policy['sla']);
    if ('calendar' in policy) checkCalendar(problems, policy['calendar']);
    if ('noise' in policy) checkNoise(problems, policy['noise']);
    const snooze =
      'snooze' in policy
        ? object(problems, policy['snooze'], 'snooze', ['maxBusinessMinutes'])
        : null;
    if (snooze)
      positiveInteger(problems, snooze['maxBusinessMinutes'], 'snooze.maxBusinessMinutes');
    if ('reopenWithinDays' in policy)
      integer(problems, policy['reopenWithinDays'], 'reopenWithinDays', 0);
    if ('channels' in policy) checkChannels(problems, policy['channels']);
    if ('suggestedActions' in policy) checkSuggestedActions(problems, policy['suggestedActions']);
  }
  if (problems.length > 0) throw new AlertingConfigError('the alerting policy', problems);
  return deepFreeze(structuredClone(raw)) as AlertingPolicy;
};
