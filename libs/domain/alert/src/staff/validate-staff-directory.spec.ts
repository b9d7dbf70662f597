import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { edited, TEST_DIRECTORY } from '../testing';
import { AlertingConfigError, validateStaffDirectory } from '../policy/validate-alerting-policy';
import { recipientsOf, staffMember } from './directory-queries';
import type { StaffDirectory } from './staff-directory';

const DIRECTORY_FILE = join(__dirname, '../../../../../deploy/directory/branch-staff.yaml');

const directoryWith = (...edits: (readonly [string, unknown])[]): unknown =>
  edited(TEST_DIRECTORY, edits);

const problemsOf = (raw: unknown): readonly string[] => {
  try {
    validateStaffDirectory(raw);
  } catch (error) {
    if (error instanceof AlertingConfigError) return error.problems;
    throw error;
  }
  return [];
};

/** Index of a member in the test directory. */
const at = (staffId: string): number =>
  TEST_DIRECTORY.staff.findIndex((s) => s.staffId === staffId);

describe('the staff directory of branch BR-X (deploy/directory/branch-staff.yaml)', () => {
  const directory: StaffDirectory = validateStaffDirectory(
    parse(readFileSync(DIRECTORY_FILE, 'utf8')),
  );

  it('validates', () =>
    expect(directory.branches).toEqual([{ branchId: 'BR-X', headId: 'BH-001' }]));

  it.each([
    ['RM-001', 'T-WEALTH-2'],
    ['RM-004', 'T-WEALTH-1'],
    ['RM-039', 'T-WEALTH-4'],
    ['RM-040', 'T-WEALTH-1'],
  ])('puts %s in team %s (RM n in T-WEALTH-(1 + n % 4))', (staffId, teamId) =>
    expect(staffMember(directory, staffId)?.teamId).toBe(teamId),
  );

  it('has forty wealth RMs', () =>
    expect(
      directory.staff.filter((s) => s.teamId?.startsWith('T-WEALTH') && s.role === 'rm'),
    ).toHaveLength(40));

  it('sends a retail queue without RMs to its supervisor', () =>
    expect(recipientsOf(directory, { kind: 'team-queue', teamId: 'T-RETAIL-3' })).toEqual([
      'SUP-R3',
    ]));

  it('has an RM on leave with a delegate, as an example', () =>
    expect(directory.staff.filter((s) => s.absences.length > 0).map((s) => s.staffId)).toEqual([
      'RM-007',
    ]));

  it('writes e-mail addresses on the branch domain', () =>
    expect(staffMember(directory, 'RM-001')?.email).toBe('rm-001@branch-x.example'));
});

describe('a staff directory with mistakes', () => {
  it('accepts the test directory', () => expect(problemsOf(TEST_DIRECTORY)).toEqual([]));

  it.each([
    [
      'a team whose supervisor does not exist',
      ['teams.0.supervisorId', 'SUP-9'],
      'teams[0].supervisorId "SUP-9" is not in staff',
    ],
    [
      'a team supervised by an RM',
      ['teams.1.supervisorId', 'RM-3'],
      'teams[1].supervisorId "RM-3" has role rm, not supervisor',
    ],
    [
      'a branch headed by an auditor',
      ['branches.0.headId', 'AUD-1'],
      'branches[0].headId "AUD-1" has role auditor, not branch-head',
    ],
    [
      'a member of a team that does not exist',
      [`staff.${at('RM-2')}.teamId`, 'T-9'],
      `staff[${at('RM-2')}].teamId "T-9" is not in teams`,
    ],
    [
      'an RM without a team',
      [`staff.${at('RM-2')}.teamId`, null],
      `staff[${at('RM-2')}].teamId: a rm must belong to a team`,
    ],
    [
      'a member of an unknown branch',
      [`staff.${at('AUD-1')}.branchId`, 'BR-9'],
      `staff[${at('AUD-1')}].branchId "BR-9" is not in branches`,
    ],
    [
      'an unknown role',
      [`staff.${at('OPS-1')}.role`, 'teller'],
      `staff[${at('OPS-1')}].role must be one of rm, supervisor, branch-head, auditor, operator, got "teller"`,
    ],
    [
      'a repeated staff id',
      [`staff.${at('RM-2')}.staffId`, 'RM-1'],
      `staff[${at('RM-2')}].staffId "RM-1" repeats staff[0]`,
    ],
    [
      'a delegate who does not exist',
      [
        'staff.0.absences',
        [
          {
            from: '2026-12-01T00:00:00+08:00',
            until: '2026-12-02T00:00:00+08:00',
            delegateId: 'RM-9',
          },
        ],
      ],
      'staff[0].absences[0].delegateId "RM-9" is not in staff',
    ],
    [
      'an absence that ends before it starts',
      [
        'staff.0.absences',
        [
          {
            from: '2026-12-02T00:00:00+08:00',
            until: '2026-12-01T00:00:00+08:00',
            delegateId: 'RM-2',
          },
        ],
      ],
      'staff[0].absences[0].from (2026-12-02T00:00:00+08:00) must be before staff[0].absences[0].until (2026-12-01T00:00:00+08:00)',
    ],
    [
      'an absence without an offset',
      [
        'staff.0.absences',
        [{ from: '2026-12-01', until: '2026-12-02T00:00:00+08:00', delegateId: 'RM-2' }],
      ],
      'staff[0].absences[0].from must be an ISO-8601 instant with an offset, got "2026-12-01"',
    ],
    [
      'a member delegating to themselves',
      [
        'staff.0.absences',
        [{ from: '2026-12-01T00:00:00Z', until: '2026-12-02T00:00:00Z', delegateId: 'RM-1' }],
      ],
      'staff[0].absences[0].delegateId cannot be "RM-1" itself',
    ],
    [
      'an e-mail without a domain',
      ['staff.0.email', 'rm-1'],
      'staff[0].email must be an e-mail address or null, got "rm-1"',
    ],
    [
      'a webhook that is not a URL',
      ['staff.0.webhookUrl', 'push-gateway'],
      'staff[0].webhookUrl must be an http(s) URL or null, got "push-gateway"',
    ],
    ['an unknown key', ['staff.0.phone', '110'], 'staff[0].phone is not a known key'],
    ['a missing list', ['teams', undefined], 'teams is missing'],
  ] as const)('reports %s with its key path', (_mistake, edit, problem) =>
    expect(problemsOf(directoryWith(edit))).toContain(problem),
  );

  it('reports every problem at once', () =>
    expect(
      problemsOf(directoryWith(['teams.0.supervisorId', 'SUP-9'], ['branches.0.headId', 'RM-1'])),
    ).toEqual([
      'teams[0].supervisorId "SUP-9" is not in staff',
      'branches[0].headId "RM-1" has role rm, not branch-head',
    ]));

  it('names the directory in the error message', () =>
    expect(() => validateStaffDirectory(directoryWith(['version', undefined]))).toThrow(
      'the staff directory is not valid:\n  - version is missing',
    ));
});
