import { alertCustomer, raisedAlert, TEST_AT, TEST_DIRECTORY, withAbsence } from '../testing';
import { authorityOver, holderAt, recipientsOf } from './directory-queries';

const away = (from: string, until: string, delegateId: string) => ({ from, until, delegateId });
const DECEMBER = away('2026-11-30T00:00:00+08:00', '2026-12-05T00:00:00+08:00', 'RM-2');

describe('who holds an alert at the RM level', () => {
  it('is the customer’s relationship manager', () =>
    expect(holderAt(TEST_DIRECTORY, 'rm', alertCustomer(), TEST_AT)).toEqual({
      holder: { kind: 'staff', staffId: 'RM-1' },
      note: null,
    }));

  it('is the delegate while the RM is away, and the note says so', () =>
    expect(
      holderAt(withAbsence(TEST_DIRECTORY, 'RM-1', DECEMBER), 'rm', alertCustomer(), TEST_AT),
    ).toEqual({
      holder: { kind: 'staff', staffId: 'RM-2' },
      note: 'RM-1 is absent until 2026-12-05T00:00:00+08:00: RM-2 holds the alert as delegate',
    }));

  it('is the RM again when the absence ends (its end is exclusive)', () => {
    const directory = withAbsence(
      TEST_DIRECTORY,
      'RM-1',
      away('2026-11-30T00:00:00Z', TEST_AT, 'RM-2'),
    );
    expect(holderAt(directory, 'rm', alertCustomer(), TEST_AT).holder).toEqual({
      kind: 'staff',
      staffId: 'RM-1',
    });
  });

  it('follows the delegate’s own delegate when both are away', () => {
    const directory = withAbsence(
      withAbsence(TEST_DIRECTORY, 'RM-1', DECEMBER),
      'RM-2',
      away('2026-11-30T00:00:00Z', '2026-12-02T00:00:00Z', 'RM-3'),
    );
    expect(holderAt(directory, 'rm', alertCustomer(), TEST_AT).holder).toEqual({
      kind: 'staff',
      staffId: 'RM-3',
    });
  });

  it('stops at a loop of delegates instead of going round', () => {
    const directory = withAbsence(
      withAbsence(TEST_DIRECTORY, 'RM-1', DECEMBER),
      'RM-2',
      away('2026-11-30T00:00:00Z', '2026-12-02T00:00:00Z', 'RM-1'),
    );
    expect(holderAt(directory, 'rm', alertCustomer(), TEST_AT).holder).toEqual({
      kind: 'staff',
      staffId: 'RM-2',
    });
  });

  it('is the team queue for a customer without an RM, and the note says so', () =>
    expect(
      holderAt(TEST_DIRECTORY, 'rm', alertCustomer({ relationshipManagerId: null }), TEST_AT),
    ).toEqual({
      holder: { kind: 'team-queue', teamId: 'T-1' },
      note: 'the customer has no relationship manager',
    }));

  it('is the team queue for an RM the directory does not know', () =>
    expect(
      holderAt(TEST_DIRECTORY, 'rm', alertCustomer({ relationshipManagerId: 'RM-99' }), TEST_AT),
    ).toEqual({
      holder: { kind: 'team-queue', teamId: 'T-1' },
      note: 'relationship manager RM-99 is not in the staff directory',
    }));

  it('is the branch head for a customer with neither RM nor team', () =>
    expect(
      holderAt(
        TEST_DIRECTORY,
        'rm',
        alertCustomer({ relationshipManagerId: null, teamId: null }),
        TEST_AT,
      ),
    ).toEqual({
      holder: { kind: 'staff', staffId: 'HEAD-1' },
      note: 'the customer has no relationship manager, and no team is known',
    }));
});

describe('who holds an alert higher up', () => {
  it('cannot be found for a customer of an unknown branch among several', () => {
    const twoBranches = {
      ...TEST_DIRECTORY,
      branches: [...TEST_DIRECTORY.branches, { branchId: 'BR-U', headId: 'HEAD-1' }],
    };
    const stray = alertCustomer({ relationshipManagerId: null, teamId: null, branchId: 'BR-9' });
    expect(() => holderAt(twoBranches, 'branch-head', stray, TEST_AT)).toThrow(
      expect.objectContaining({ code: 'unknown-recipient' }),
    );
  });

  it('is the supervisor of the customer’s team', () =>
    expect(holderAt(TEST_DIRECTORY, 'supervisor', alertCustomer(), TEST_AT).holder).toEqual({
      kind: 'staff',
      staffId: 'SUP-1',
    }));

  it('is the supervisor of the RM’s team when the customer’s team is not recorded', () =>
    expect(
      holderAt(
        TEST_DIRECTORY,
        'supervisor',
        alertCustomer({ relationshipManagerId: 'RM-3', teamId: null }),
        TEST_AT,
      ).holder,
    ).toEqual({ kind: 'staff', staffId: 'SUP-2' }));

  it('is the branch head at the top', () =>
    expect(holderAt(TEST_DIRECTORY, 'branch-head', alertCustomer(), TEST_AT).holder).toEqual({
      kind: 'staff',
      staffId: 'HEAD-1',
    }));

  it('is the branch head’s delegate while the head is away', () => {
    const directory = withAbsence(
      TEST_DIRECTORY,
      'HEAD-1',
      away('2026-11-30T00:00:00Z', '2026-12-09T00:00:00Z', 'SUP-1'),
    );
    expect(holderAt(directory, 'branch-head', alertCustomer(), TEST_AT)).toEqual({
      holder: { kind: 'staff', staffId: 'SUP-1' },
      note: 'HEAD-1 is absent until 2026-12-09T00:00:00Z: SUP-1 holds the alert as delegate',
    });
  });
});

describe('who is told about an alert', () => {
  it.each([
    ['a person: that person', { kind: 'staff', staffId: 'RM-3' } as const, ['RM-3']],
    [
      'a team queue: the team’s RMs',
      { kind: 'team-queue', teamId: 'T-1' } as const,
      ['RM-1', 'RM-2'],
    ],
    [
      'a queue without RMs: its supervisor',
      { kind: 'team-queue', teamId: 'T-Q' } as const,
      ['SUP-Q'],
    ],
    ['an unknown queue: nobody', { kind: 'team-queue', teamId: 'T-9' } as const, []],
  ])('for %s', (_holder, holder, recipients) =>
    expect(recipientsOf(TEST_DIRECTORY, holder)).toEqual(recipients),
  );
});

describe('authority over an alert held by RM-1', () => {
  const alert = raisedAlert();

  it.each([
    ['RM-1 holds it', 'RM-1', 'holder'],
    ['SUP-1, supervisor of RM-1’s team, is above it', 'SUP-1', 'superior'],
    ['HEAD-1, head of the branch, is above it', 'HEAD-1', 'superior'],
    ['RM-2, a colleague, has none', 'RM-2', 'none'],
    ['SUP-2, another team’s supervisor, has none', 'SUP-2', 'none'],
    ['AUD-1, an auditor, has none', 'AUD-1', 'none'],
    ['a stranger has none', 'X-1', 'none'],
  ])('%s', (_who, actor, authority) =>
    expect(authorityOver(TEST_DIRECTORY, actor, alert, TEST_AT)).toBe(authority),
  );

  it('passes to RM-2 as delegate while RM-1 is away', () =>
    expect(
      authorityOver(withAbsence(TEST_DIRECTORY, 'RM-1', DECEMBER), 'RM-2', alert, TEST_AT),
    ).toBe('delegate'));

  it('passes to the supervisor’s delegate as a superior while the supervisor is away', () => {
    const directory = withAbsence(
      TEST_DIRECTORY,
      'SUP-1',
      away('2026-11-30T00:00:00Z', '2026-12-09T00:00:00Z', 'SUP-2'),
    );
    expect(authorityOver(directory, 'SUP-2', alert, TEST_AT)).toBe('superior');
  });
});

describe('authority over an alert in a team queue', () => {
  const alert = raisedAlert({ customer: alertCustomer({ relationshipManagerId: null }) });

  it('belongs to every RM of the team', () =>
    expect(authorityOver(TEST_DIRECTORY, 'RM-2', alert, TEST_AT)).toBe('holder'));

  it('puts the team’s supervisor above it', () =>
    expect(authorityOver(TEST_DIRECTORY, 'SUP-1', alert, TEST_AT)).toBe('superior'));

  it('gives another team’s RM none', () =>
    expect(authorityOver(TEST_DIRECTORY, 'RM-3', alert, TEST_AT)).toBe('none'));
});
