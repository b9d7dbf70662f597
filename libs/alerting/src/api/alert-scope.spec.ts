import {
  alertCustomer,
  raisedAlert,
  runAlert,
  raiseCommand,
  TEST_AT,
  TEST_DIRECTORY,
  withAbsence,
} from '@churn/domain-alert/testing';
import type { RaisedAlert, StaffDirectory } from '@churn/domain-alert';
import { principalOf } from '../auth/staff-principal';
import { canSeeAlert } from './alert-scope';

/** The test branch BR-T plus a second branch BR-O (head HEAD-2, team T-9 of SUP-9 with RM-9). */
const DIRECTORY: StaffDirectory = {
  ...TEST_DIRECTORY,
  staff: [
    ...TEST_DIRECTORY.staff,
    ...(['RM-9', 'SUP-9', 'HEAD-2'] as const).map((staffId, i) => ({
      staffId,
      name: staffId,
      role: (['rm', 'supervisor', 'branch-head'] as const)[i] ?? 'rm',
      teamId: i < 2 ? 'T-9' : null,
      branchId: 'BR-O',
      email: null,
      webhookUrl: null,
      absences: [],
    })),
  ],
  teams: [...TEST_DIRECTORY.teams, { teamId: 'T-9', branchId: 'BR-O', supervisorId: 'SUP-9' }],
  branches: [...TEST_DIRECTORY.branches, { branchId: 'BR-O', headId: 'HEAD-2' }],
};

const alertOf = (alertId: string, customer: Parameters<typeof alertCustomer>[0]): RaisedAlert =>
  raisedAlert({
    alertId,
    directory: DIRECTORY,
    customer: alertCustomer({ customerId: `C-${alertId}`, ...customer }),
  });

const ALERTS = {
  'rm-1': alertOf('rm-1', {}),
  'rm-2': alertOf('rm-2', { relationshipManagerId: 'RM-2' }),
  'rm-3': alertOf('rm-3', { relationshipManagerId: 'RM-3', teamId: 'T-2' }),
  'queue-1': alertOf('queue-1', { relationshipManagerId: null }),
  'other-branch': alertOf('other-branch', {
    relationshipManagerId: 'RM-9',
    teamId: 'T-9',
    branchId: 'BR-O',
  }),
};

const visibleTo = (staffId: string, directory = DIRECTORY, at = TEST_AT): string[] => {
  const viewer = principalOf(directory, staffId);
  if (viewer === null) throw new Error(`${staffId} is not in the directory`);
  return Object.entries(ALERTS)
    .filter(([, alert]) => canSeeAlert(directory, viewer, alert, at))
    .map(([name]) => name);
};

describe('what each member of branch BR-T sees of five alerts', () => {
  it('holds the team queue the first alert of a customer without an RM', () => {
    expect(ALERTS['queue-1'].holder).toEqual({ kind: 'team-queue', teamId: 'T-1' });
  });

  it.each([
    ['RM-1', 'their own customer and their team queue', ['rm-1', 'queue-1']],
    ['RM-2', 'their own customer and their team queue', ['rm-2', 'queue-1']],
    ['RM-3', 'their own customer only (another team)', ['rm-3']],
    ['SUP-1', 'team T-1: both RMs and the queue', ['rm-1', 'rm-2', 'queue-1']],
    ['SUP-2', 'team T-2', ['rm-3']],
    ['HEAD-1', 'all of branch BR-T and none of BR-O', ['rm-1', 'rm-2', 'rm-3', 'queue-1']],
    ['HEAD-2', 'branch BR-O only', ['other-branch']],
    ['AUD-1', 'everything', Object.keys(ALERTS)],
    ['OPS-1', 'no customer data at all', []],
  ])('%s sees %s', (staffId, _what, expected) => {
    expect(visibleTo(staffId)).toEqual(expected);
  });
});

describe('an RM away with a delegate', () => {
  const away = withAbsence(DIRECTORY, 'RM-1', {
    from: '2026-12-02T00:00:00.000Z',
    until: '2026-12-09T00:00:00.000Z',
    delegateId: 'RM-2',
  });

  it('lets the delegate see the absent RM’s alert while the absence lasts, and not after', () => {
    expect(visibleTo('RM-2', away, '2026-12-03T02:00:00.000Z')).toContain('rm-1');
    expect(visibleTo('RM-2', away, '2026-12-09T02:00:00.000Z')).not.toContain('rm-1');
  });
});

describe('an alert escalated from the RM to the supervisor', () => {
  const { state } = runAlert([
    raiseCommand({ directory: DIRECTORY }),
    {
      type: 'EscalateAlert',
      data: {
        actor: { staffId: 'RM-1' },
        at: TEST_AT,
        directory: DIRECTORY,
        reason: 'beyond my authority',
      },
    },
  ]);

  it('stays visible to the customer’s RM and becomes the supervisor’s', () => {
    if (state.status === 'none') throw new Error('not raised');
    expect(state.holder).toEqual({ kind: 'staff', staffId: 'SUP-1' });
    const see = (id: string) => {
      const viewer = principalOf(DIRECTORY, id);
      return viewer !== null && canSeeAlert(DIRECTORY, viewer, state, TEST_AT);
    };
    expect([see('RM-1'), see('SUP-1'), see('RM-2'), see('SUP-2')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
