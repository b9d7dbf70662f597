import { AlertingConfigError } from '../policy/alerting-config-error';
import {
  array,
  deepFreeze,
  instant,
  keyPath,
  nullableText,
  object,
  oneOf,
  shown,
  text,
  type Problems,
} from '../policy/config-checks';
import { STAFF_ROLES, type StaffDirectory } from './staff-directory';

type Row = Readonly<Record<string, unknown>>;

const STAFF_KEYS = [
  'staffId',
  'name',
  'role',
  'teamId',
  'branchId',
  'email',
  'webhookUrl',
  'absences',
];
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const URL = /^https?:\/\/[^\s]+$/;

/** The rows of a list of objects with `keys`, reporting bad rows and missing or repeated ids. */
const rows = (
  problems: Problems,
  value: unknown,
  path: string,
  keys: readonly string[],
  id: string,
): readonly Row[] => {
  const found: Row[] = [];
  const first = new Map<unknown, number>();
  (array(problems, value, path) ?? []).forEach((raw, i) => {
    const row = object(problems, raw, keyPath(path, i), keys);
    if (!row) return;
    found.push(row);
    if (!text(problems, row[id], `${keyPath(path, i)}.${id}`)) return;
    const seen = first.get(row[id]);
    if (seen === undefined) first.set(row[id], i);
    else
      problems.push(`${keyPath(path, i)}.${id} ${shown(row[id])} repeats ${keyPath(path, seen)}`);
  });
  return found;
};

const checkAbsences = (
  problems: Problems,
  member: Row,
  path: string,
  staffIds: ReadonlySet<unknown>,
): void => {
  (array(problems, member['absences'], `${path}.absences`) ?? []).forEach((raw, i) => {
    const at = keyPath(`${path}.absences`, i);
    const absence = object(problems, raw, at, ['from', 'until', 'delegateId']);
    if (!absence) return;
    const { from, until, delegateId } = absence;
    if (
      instant(problems, from, `${at}.from`) &&
      instant(problems, until, `${at}.until`) &&
      Date.parse(from) >= Date.parse(until)
    )
      problems.push(`${at}.from (${from}) must be before ${at}.until (${until})`);
    if (!staffIds.has(delegateId))
      problems.push(`${at}.delegateId ${shown(delegateId)} is not in staff`);
    else if (delegateId === member['staffId'])
      problems.push(`${at}.delegateId cannot be ${shown(delegateId)} itself`);
  });
};

const checkMember = (
  problems: Problems,
  member: Row,
  path: string,
  directory: {
    teams: readonly Row[];
    branchIds: ReadonlySet<unknown>;
    staffIds: ReadonlySet<unknown>;
  },
): void => {
  text(problems, member['name'], `${path}.name`);
  const role = oneOf(problems, member['role'], `${path}.role`, STAFF_ROLES) ? member['role'] : null;
  nullableText(problems, member['teamId'], `${path}.teamId`);
  if (!directory.branchIds.has(member['branchId']))
    problems.push(`${path}.branchId ${shown(member['branchId'])} is not in branches`);
  const team = directory.teams.find((t) => t['teamId'] === member['teamId']);
  if ((role === 'rm' || role === 'supervisor') && member['teamId'] === null)
    problems.push(`${path}.teamId: a ${role} must belong to a team`);
  else if (member['teamId'] !== null && member['teamId'] !== undefined && !team)
    problems.push(`${path}.teamId ${shown(member['teamId'])} is not in teams`);
  else if (team && team['branchId'] !== member['branchId'])
    problems.push(
      `${path}.branchId ${shown(member['branchId'])} is not the branch of team ${shown(team['teamId'])} (${shown(team['branchId'])})`,
    );
  const { email, webhookUrl } = member;
  if (email !== null && (typeof email !== 'string' || !EMAIL.test(email)))
    problems.push(`${path}.email must be an e-mail address or null, got ${shown(email)}`);
  if (webhookUrl !== null && (typeof webhookUrl !== 'string' || !URL.test(webhookUrl)))
    problems.push(`${path}.webhookUrl must be an http(s) URL or null, got ${shown(webhookUrl)}`);
  checkAbsences(problems, member, path, directory.staffIds);
};

/** `ref` names a member of `staff` in role `role`. */
const checkRef = (
  problems: Problems,
  staff: readonly Row[],
  ref: unknown,
  path: string,
  role: string,
): void => {
  const member = staff.find((s) => s['staffId'] === ref);
  if (!member) problems.push(`${path} ${shown(ref)} is not in staff`);
  else if (member['role'] !== role)
    problems.push(`${path} ${shown(ref)} has role ${String(member['role'])}, not ${role}`);
};

/**
 * Checks a candidate staff directory and returns a frozen copy; throws `AlertingConfigError`
 * listing every problem: unknown keys, bad roles, every team's supervisor a supervisor, every
 * branch's head a branch head, every member's team and branch known, every delegate in staff.
 */
export const validateStaffDirectory = (raw: unknown): StaffDirectory => {
  const problems: Problems = [];
  const root = object(problems, raw, '', ['version', 'staff', 'teams', 'branches']);
  if (root) {
    if ('version' in root) text(problems, root['version'], 'version');
    const staff = rows(problems, root['staff'] ?? [], 'staff', STAFF_KEYS, 'staffId');
    const teams = rows(
      problems,
      root['teams'] ?? [],
      'teams',
      ['teamId', 'branchId', 'supervisorId'],
      'teamId',
    );
    const branches = rows(
      problems,
      root['branches'] ?? [],
      'branches',
      ['branchId', 'headId'],
      'branchId',
    );
    const branchIds = new Set(branches.map((b) => b['branchId']));
    const staffIds = new Set(staff.map((s) => s['staffId']));
    if ('branches' in root && branches.length === 0)
      problems.push('branches must list at least one branch');
    staff.forEach((member, i) =>
      checkMember(problems, member, keyPath('staff', i), { teams, branchIds, staffIds }),
    );
    teams.forEach((team, i) => {
      if (!branchIds.has(team['branchId']))
        problems.push(`teams[${i}].branchId ${shown(team['branchId'])} is not in branches`);
      checkRef(problems, staff, team['supervisorId'], `teams[${i}].supervisorId`, 'supervisor');
    });
    branches.forEach((branch, i) =>
      checkRef(problems, staff, branch['headId'], `branches[${i}].headId`, 'branch-head'),
    );
  }
  if (problems.length > 0) throw new AlertingConfigError('the staff directory', problems);
  return deepFreeze(structuredClone(raw)) as StaffDirectory;
};
