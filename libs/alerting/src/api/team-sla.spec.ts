import {
  acknowledgeCommand,
  alertCustomer,
  escalateOverdueCommand,
  logContactCommand,
  raiseCommand,
  resolveCommand,
  runAlert,
  TEST_AT,
} from '@churn/domain-alert/testing';
import type { AlertCommand, RaisedAlert } from '@churn/domain-alert';
import { nearestRank, teamSlaReport } from './team-sla';

const run = (alertId: string, at: string, ...then: AlertCommand[]): RaisedAlert => {
  const customer = alertCustomer({ customerId: `C-${alertId}` });
  const { state } = runAlert([raiseCommand({ alertId, at, customer }), ...then]);
  if (state.status === 'none') throw new Error('not raised');
  return state;
};

/**
 * Team T-1, fortune-tier critical alerts (RM level: 480 business minutes to acknowledge, 960 to
 * make contact), raised on Tuesday 2026-12-01 09:00 Beijing unless said otherwise.
 */
describe('the SLA of team T-1 in the first week of December 2026', () => {
  const window = { from: '2026-12-01T00:00:00.000Z', to: '2026-12-08T00:00:00.000Z' };
  const alerts = [
    // acknowledged after 60 business minutes, contacted after 120, resolved
    run(
      'quick',
      TEST_AT,
      acknowledgeCommand('RM-1', '2026-12-01T02:00:00.000Z'),
      logContactCommand('RM-1', '2026-12-01T03:00:00.000Z'),
      resolveCommand('RM-1', '2026-12-01T04:00:00.000Z'),
    ),
    // nobody acknowledged by 17:00: escalated to SUP-1, who acknowledged Wednesday 11:00 (600)
    run(
      'late',
      TEST_AT,
      escalateOverdueCommand('rm/acknowledge', '2026-12-01T09:00:00.000Z'),
      acknowledgeCommand('SUP-1', '2026-12-02T03:00:00.000Z'),
    ),
    // untouched, still open
    run('waiting', '2026-12-02T01:00:00.000Z'),
    // raised in November: outside the window, but open now
    run('november', '2026-11-24T01:00:00.000Z'),
  ];

  const report = teamSlaReport('T-1', alerts, window);

  it('counts the alerts raised in the window and those open now, whenever raised', () => {
    expect(report).toMatchObject({ raised: 3, openNow: 3 });
  });

  it('counts acknowledgements and contacts within the RM-level SLA', () => {
    expect(report).toMatchObject({
      acknowledged: 2,
      acknowledgedWithinSla: 1,
      contacted: 1,
      contactedWithinSla: 1,
    });
  });

  it('counts escalations and the clocks that ran out, by rule', () => {
    expect(report.escalated).toBe(1);
    expect(report.breachesByRule).toEqual({ 'rm/acknowledge': 1 });
  });

  it('gives the median and p90 business minutes to acknowledge', () => {
    expect(report.businessMinutesToAcknowledge).toEqual({ median: 60, p90: 600 });
  });
});

describe('nearest-rank percentiles', () => {
  it.each([
    [[], 50, null],
    [[7], 90, 7],
    [[1, 2, 3, 4], 50, 2],
    [[10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 90, 9],
    [[10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 50, 5],
  ])('of %j at %i is %p', (values, percentile, expected) => {
    expect(nearestRank(values, percentile)).toBe(expected);
  });
});
