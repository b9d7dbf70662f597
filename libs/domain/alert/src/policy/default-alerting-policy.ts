import type { Tier } from '@churn/domain-customer';
import type { AlertSeverity } from '../decider/alert-vocabulary';
import type { AlertingPolicy, FrozenEscalation, LevelSlas } from './alerting-policy';

/**
 * One severity's clocks at each level, in business minutes (a working day is 480: 09:00–17:00).
 * Columns: acknowledge, contact, resolve. The supervisor and the branch head get tighter clocks
 * than the RM: by the time a case reaches them it is already late.
 */
const levels = (
  rm: readonly [number, number, number],
  supervisor: readonly [number, number, number],
  branchHead: readonly [number, number, number],
): LevelSlas => ({
  rm: { acknowledge: rm[0], contact: rm[1], resolve: rm[2] },
  supervisor: { acknowledge: supervisor[0], contact: supervisor[1], resolve: supervisor[2] },
  'branch-head': { acknowledge: branchHead[0], contact: branchHead[1], resolve: branchHead[2] },
});

/**
 * Business minutes by tier and severity (issue 5 §2). Effort follows value (DOMAIN.md §5.4):
 * the higher the tier and the severity, the tighter the clock. Private banking, critical: 4
 * business hours to acknowledge, a working day to reach the customer (§2: RM and branch head).
 * Ordinary customers are alerted only at `critical` (routing below); their other rows exist so
 * that a severity never lacks a clock.
 */
const SLA: Readonly<Record<Tier, Readonly<Record<AlertSeverity, LevelSlas>>>> = {
  'private-banking': {
    critical: levels([240, 480, 2_400], [120, 240, 1_440], [120, 240, 960]),
    warning: levels([480, 960, 4_800], [240, 480, 2_400], [240, 480, 1_920]),
    watch: levels([960, 1_920, 7_200], [480, 960, 4_800], [480, 960, 2_400]),
  },
  fortune: {
    critical: levels([480, 960, 4_800], [240, 480, 2_400], [240, 480, 1_920]),
    warning: levels([960, 1_920, 7_200], [480, 960, 4_800], [480, 960, 2_400]),
    watch: levels([1_440, 2_880, 9_600], [960, 1_920, 4_800], [960, 1_920, 4_800]),
  },
  'wealth-management': {
    critical: levels([960, 1_920, 7_200], [480, 960, 4_800], [480, 960, 2_400]),
    warning: levels([1_440, 2_880, 9_600], [960, 1_920, 4_800], [960, 1_920, 4_800]),
    watch: levels([2_400, 4_800, 14_400], [1_440, 2_880, 7_200], [1_440, 2_880, 7_200]),
  },
  ordinary: {
    critical: levels([1_440, 2_880, 9_600], [960, 1_920, 4_800], [960, 1_920, 4_800]),
    warning: levels([2_400, 4_800, 14_400], [1_440, 2_880, 7_200], [1_440, 2_880, 7_200]),
    watch: levels([2_400, 4_800, 14_400], [1_440, 2_880, 7_200], [1_440, 2_880, 7_200]),
  },
};

/**
 * The default routing and escalation policy; `deploy/policy/alerting-policy.yaml` is the same
 * policy as a file (a spec checks they agree).
 */
export const DEFAULT_ALERTING_POLICY: AlertingPolicy = {
  version: '2026-11-1',
  // DOMAIN.md §2: who looks after each tier. Ordinary customers have no RM of their own: their
  // alerts go to the team queue, and only critical ones (the branch has 200,000 of them).
  routing: {
    ordinary: { minimumSeverity: 'critical', firstHolder: 'team-queue', inform: [] },
    'wealth-management': { minimumSeverity: 'watch', firstHolder: 'rm', inform: [] },
    fortune: { minimumSeverity: 'watch', firstHolder: 'rm', inform: ['supervisor'] },
    'private-banking': { minimumSeverity: 'watch', firstHolder: 'rm', inform: ['branch-head'] },
  },
  sla: SLA,
  calendar: {
    utcOffsetMinutes: 480,
    workdayStartMinute: 540,
    workdayEndMinute: 1_020,
    // Weekday public holidays, from chinese-days 1.5.7 (isHoliday on Monday–Friday). 2027: only the
    // statutory days fixed by the holiday regulations (元旦 1-1, 春节 eve and day 3, 清明 4-5,
    // 端午 6-9, 中秋 9-15, 国庆 10-1) that fall on a weekday; the State Council publishes the full
    // 2027 arrangement (bridge days and make-up days) late in 2026: add it then, under a new version.
    holidays: [
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-23',
      '2026-04-06',
      '2026-05-01',
      '2026-05-04',
      '2026-05-05',
      '2026-06-19',
      '2026-09-25',
      '2026-10-01',
      '2026-10-02',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
      '2027-01-01',
      '2027-02-05',
      '2027-02-08',
      '2027-04-05',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
    ],
    // 调休: weekends worked in 2026 (chinese-days isWorkday on Saturday or Sunday).
    makeUpWorkdays: [
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ],
  },
  noise: { throttleDays: 30, digestWindowSeconds: 900, immediateSeverity: 'critical' },
  // Five business days: a snooze waits for a customer's return, it does not park a case.
  snooze: { maxBusinessMinutes: 2_400 },
  reopenWithinDays: 14,
  // E-mail first (it reaches the phone), then the webhook (push gateway, where configured), then
  // the console inbox, which always holds the alert.
  channels: {
    rm: ['email', 'webhook', 'inbox'],
    supervisor: ['email', 'webhook', 'inbox'],
    'branch-head': ['email', 'webhook', 'inbox'],
  },
  // Thesis Table 5.3 (DOMAIN.md §6). `none`: a customer without a segment (ordinary customers,
  // or mid/high-end ones whose segment is unknown) gets SMS and mass-market events; `none:<tier>`
  // gives what DOMAIN.md §2 says that tier is served today.
  suggestedActions: {
    A: [1, 2, 4, 5, 8, 9],
    B: [1, 2, 4, 7, 8, 9],
    C: [1, 2, 3, 4, 5, 8],
    D: [1, 2, 3, 4, 7, 8],
    E: [1, 2, 3, 6, 7, 8],
    F: [1, 2, 3, 5, 8],
    G: [1, 2, 3, 6, 7],
    H: [1, 2, 3, 6, 7],
    none: [2, 6],
    'none:wealth-management': [1, 2, 6, 7],
    'none:fortune': [1, 2, 3, 8],
    'none:private-banking': [1, 2, 3, 4, 5, 9],
  },
};

/**
 * What an alert keeps of the policy (see `FrozenEscalation`): the tier's SLAs for every severity,
 * so a later policy never moves an open alert's clocks.
 */
export const freezeEscalation = (policy: AlertingPolicy, tier: Tier): FrozenEscalation => ({
  policyVersion: policy.version,
  tier,
  sla: policy.sla[tier],
  channels: policy.channels,
  calendar: policy.calendar,
  snoozeMaxBusinessMinutes: policy.snooze.maxBusinessMinutes,
});
