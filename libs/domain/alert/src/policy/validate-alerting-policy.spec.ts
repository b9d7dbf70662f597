import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { TIERS } from '@churn/domain-customer';
import { ALERT_LEVELS, ALERT_SEVERITIES, SLA_KINDS } from '../decider/alert-vocabulary';
import { edited } from '../testing';
import { DEFAULT_ALERTING_POLICY } from './default-alerting-policy';
import { AlertingConfigError, validateAlertingPolicy } from './validate-alerting-policy';

const POLICY_FILE = join(__dirname, '../../../../../deploy/policy/alerting-policy.yaml');

const policyWith = (...edits: (readonly [string, unknown])[]): unknown =>
  edited(DEFAULT_ALERTING_POLICY, edits);

const problemsOf = (raw: unknown): readonly string[] => {
  try {
    validateAlertingPolicy(raw);
  } catch (error) {
    if (error instanceof AlertingConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('the default alerting policy', () => {
  it('is valid', () => expect(problemsOf(DEFAULT_ALERTING_POLICY)).toEqual([]));

  it('is what deploy/policy/alerting-policy.yaml says, once validated', () =>
    expect(validateAlertingPolicy(parse(readFileSync(POLICY_FILE, 'utf8')))).toEqual(
      DEFAULT_ALERTING_POLICY,
    ));

  it('gives private banking 4 business hours to acknowledge a critical alert', () =>
    expect(DEFAULT_ALERTING_POLICY.sla['private-banking'].critical.rm.acknowledge).toBe(240));

  it('gives higher tiers and higher severities clocks no looser than lower ones', () => {
    const { sla } = DEFAULT_ALERTING_POLICY;
    for (const level of ALERT_LEVELS)
      for (const kind of SLA_KINDS) {
        const minutes = TIERS.map((tier) => ALERT_SEVERITIES.map((s) => sla[tier][s][level][kind]));
        for (const [t, row] of minutes.entries())
          for (const [s, value] of row.entries()) {
            expect(value).toBeLessThanOrEqual(row[s - 1] ?? value);
            expect(value).toBeLessThanOrEqual(minutes[t - 1]?.[s] ?? value);
          }
      }
  });

  it('returns a frozen copy', () => {
    const policy = validateAlertingPolicy(structuredClone(DEFAULT_ALERTING_POLICY));
    expect(Object.isFrozen(policy.sla.fortune.critical.rm)).toBe(true);
    expect(policy).not.toBe(DEFAULT_ALERTING_POLICY);
  });
});

describe('a policy with mistakes', () => {
  it.each([
    [
      'a negative SLA',
      ['sla.fortune.critical.rm.acknowledge', -1],
      'sla.fortune.critical.rm.acknowledge must be a positive integer, got -1',
    ],
    [
      'a resolve clock shorter than the contact clock',
      ['sla.ordinary.watch.supervisor.resolve', 10],
      'sla.ordinary.watch.supervisor.resolve (10) must be at least acknowledge (1440) and contact (2880)',
    ],
    ['a missing tier', ['routing.fortune', undefined], 'routing.fortune is missing'],
    ['an unknown key', ['escalate', true], 'escalate is not a known key'],
    [
      'an unknown severity',
      ['routing.ordinary.minimumSeverity', 'high'],
      'routing.ordinary.minimumSeverity must be one of watch, warning, critical, got "high"',
    ],
    [
      'an RM told as if above the holder',
      ['routing.fortune.inform', ['rm']],
      'routing.fortune.inform[0] must be one of supervisor, branch-head, got "rm"',
    ],
    [
      'a working day that ends before it starts',
      ['calendar.workdayEndMinute', 480],
      'calendar.workdayStartMinute (540) must be before calendar.workdayEndMinute (480)',
    ],
    [
      'a holiday that is not a date',
      ['calendar.holidays', ['2026-02-30']],
      'calendar.holidays[0] must be a date YYYY-MM-DD, got "2026-02-30"',
    ],
    [
      'a make-up day that is also a holiday',
      ['calendar.makeUpWorkdays', ['2026-10-01']],
      'calendar.makeUpWorkdays[0] "2026-10-01" is also in calendar.holidays',
    ],
    [
      'a repeated holiday',
      ['calendar.holidays', ['2026-10-01', '2026-10-01']],
      'calendar.holidays[1] repeats "2026-10-01"',
    ],
    [
      'a level without channels',
      ['channels.supervisor', []],
      'channels.supervisor must list at least one channel',
    ],
    [
      'an unknown channel',
      ['channels.rm', ['sms']],
      'channels.rm[0] must be one of inbox, email, webhook, kafka, got "sms"',
    ],
    [
      'a segment without its service items',
      ['suggestedActions.C', undefined],
      'suggestedActions.C is missing',
    ],
    [
      'a service item that does not exist',
      ['suggestedActions.A', [1, 10]],
      'suggestedActions.A[1] must be an integer 1..9, got 10',
    ],
    [
      'more than six service items',
      ['suggestedActions.B', [1, 2, 3, 4, 5, 6, 7]],
      'suggestedActions.B lists 7 service items, at most 6 (thesis Table 5.3)',
    ],
    [
      'a default for a tier that does not exist',
      ['suggestedActions.none:gold', [1]],
      'suggestedActions.none:gold is not a known key',
    ],
    [
      'a zero snooze',
      ['snooze.maxBusinessMinutes', 0],
      'snooze.maxBusinessMinutes must be a positive integer, got 0',
    ],
    [
      'a fractional throttle',
      ['noise.throttleDays', 1.5],
      'noise.throttleDays must be an integer of at least 0, got 1.5',
    ],
    [
      'a negative reopening window',
      ['reopenWithinDays', -1],
      'reopenWithinDays must be an integer of at least 0, got -1',
    ],
    [
      'a version with a space',
      ['version', 'new policy'],
      "version must be a version name (letters, digits, '.', '_', '-'; at most 64), got \"new policy\"",
    ],
    [
      'an offset beyond any time zone',
      ['calendar.utcOffsetMinutes', 900],
      'calendar.utcOffsetMinutes must be an integer -720..840, got 900',
    ],
  ] as const)('reports %s with its key path', (_mistake, edit, problem) =>
    expect(problemsOf(policyWith(edit))).toEqual([problem]),
  );

  it('reports every problem at once, not only the first', () => {
    const raw = policyWith(
      ['sla.fortune.critical.rm.acknowledge', -1],
      ['noise.immediateSeverity', 'urgent'],
      ['reopenWithinDays', undefined],
    );
    expect(problemsOf(raw)).toEqual([
      'reopenWithinDays is missing',
      'sla.fortune.critical.rm.acknowledge must be a positive integer, got -1',
      'noise.immediateSeverity must be one of watch, warning, critical, got "urgent"',
    ]);
  });

  it('names the policy in the error message', () =>
    expect(() => validateAlertingPolicy(policyWith(['channels', undefined]))).toThrow(
      'the alerting policy is not valid:\n  - channels is missing',
    ));

  it('refuses a file that is not a mapping', () =>
    expect(problemsOf('version: 1')).toEqual(['the root must be an object, got "version: 1"']));
});
