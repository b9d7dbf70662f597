import { AlertError } from '../decider/alert-errors';
import type { AlertLevel } from '../decider/alert-vocabulary';
import type { AlertCustomer } from '../decider/alert-events';
import type { RaisedAlert } from '../decider/alert-state';
import type { AlertHolder, Branch, StaffDirectory, StaffMember, Team } from './staff-directory';

export const staffMember = (directory: StaffDirectory, staffId: string): StaffMember | null =>
  directory.staff.find((s) => s.staffId === staffId) ?? null;

export const teamOf = (directory: StaffDirectory, teamId: string | null): Team | null =>
  directory.teams.find((t) => t.teamId === teamId) ?? null;

export const branchOf = (directory: StaffDirectory, branchId: string | null): Branch | null =>
  directory.branches.find((b) => b.branchId === branchId) ?? null;

/** How an actor stands to an alert: holds it, holds it for someone absent, is above it, or none. */
export type Authority = 'holder' | 'delegate' | 'superior' | 'none';

const instant = (iso: string): number => Date.parse(iso);

/** The absence of `staffId` at `at`, if any (`from` inclusive, `until` exclusive). */
export const absenceAt = (directory: StaffDirectory, staffId: string, at: string) =>
  staffMember(directory, staffId)?.absences.find(
    (a) => instant(a.from) <= instant(at) && instant(at) < instant(a.until),
  ) ?? null;

/**
 * Who acts for `staffId` at `at`: the person, or their delegate, or the delegate's delegate when
 * the delegate is away too (a chain, cut at the first repeat so a loop cannot hang it).
 */
export const actingFor = (directory: StaffDirectory, staffId: string, at: string): string => {
  const seen = new Set<string>([staffId]);
  let current = staffId;
  for (let absence = absenceAt(directory, current, at); absence;) {
    if (seen.has(absence.delegateId)) break;
    current = absence.delegateId;
    seen.add(current);
    absence = absenceAt(directory, current, at);
  }
  return current;
};

/** The team an alert for this customer belongs to: the customer's, else their RM's. */
export const customerTeam = (directory: StaffDirectory, customer: AlertCustomer): Team | null =>
  teamOf(directory, customer.teamId) ??
  teamOf(directory, staffMember(directory, customer.relationshipManagerId ?? '')?.teamId ?? null);

/** The customer's branch: theirs, else their team's, else the only branch there is. */
export const customerBranch = (directory: StaffDirectory, customer: AlertCustomer): Branch | null =>
  branchOf(directory, customer.branchId) ??
  branchOf(directory, customerTeam(directory, customer)?.branchId ?? null) ??
  (directory.branches.length === 1 ? (directory.branches[0] ?? null) : null);

/** A holder and why it is not the customer's own RM, if it is not. */
export interface HolderAt {
  readonly holder: AlertHolder;
  readonly note: string | null;
}

/** A person, with the delegate applied and said so. */
const person = (
  directory: StaffDirectory,
  staffId: string,
  at: string,
  why: string | null,
): HolderAt => {
  const acting = actingFor(directory, staffId, at);
  if (acting === staffId) return { holder: { kind: 'staff', staffId }, note: why };
  const until = absenceAt(directory, staffId, at)?.until ?? '';
  const absent = `${staffId} is absent until ${until}: ${acting} holds the alert as delegate`;
  return { holder: { kind: 'staff', staffId: acting }, note: why ? `${why}; ${absent}` : absent };
};

/** The team queue of the customer's team, for a customer whose alert no person holds. */
export const teamQueueFor = (
  directory: StaffDirectory,
  customer: AlertCustomer,
  at: string,
  why: string,
): HolderAt => {
  const team = customerTeam(directory, customer);
  if (team) return { holder: { kind: 'team-queue', teamId: team.teamId }, note: why };
  return holderWithNote(directory, 'branch-head', customer, at, `${why}, and no team is known`);
};

/**
 * Who holds an alert at `level` for this customer at `at` (delegates applied). The RM level goes
 * to the customer's RM, or the team queue when there is none (DOMAIN.md §4: 35% have no known
 * RM); the supervisor level to the team's supervisor; the top to the branch head. A level that
 * cannot be staffed (no team) goes to the branch head, and the note says why.
 */
export const holderAt = (
  directory: StaffDirectory,
  level: AlertLevel,
  customer: AlertCustomer,
  at: string,
): { readonly holder: AlertHolder; readonly note: string | null } =>
  holderWithNote(directory, level, customer, at, null);

const holderWithNote = (
  directory: StaffDirectory,
  level: AlertLevel,
  customer: AlertCustomer,
  at: string,
  why: string | null,
): HolderAt => {
  if (level === 'rm') {
    const rm = customer.relationshipManagerId;
    if (rm && staffMember(directory, rm)) return person(directory, rm, at, why);
    const reason = rm
      ? `relationship manager ${rm} is not in the staff directory`
      : 'the customer has no relationship manager';
    return teamQueueFor(directory, customer, at, reason);
  }
  if (level === 'supervisor') {
    const team = customerTeam(directory, customer);
    if (team) return person(directory, team.supervisorId, at, why);
    return holderWithNote(
      directory,
      'branch-head',
      customer,
      at,
      'no team is known for the customer',
    );
  }
  const branch = customerBranch(directory, customer);
  if (!branch)
    throw new AlertError(
      'unknown-recipient',
      `no branch in the directory for ${customer.customerId}`,
    );
  return person(directory, branch.headId, at, why);
};

/** The staff ids an alert at this holder concerns: the person, or the team's RMs. */
export const recipientsOf = (directory: StaffDirectory, holder: AlertHolder): readonly string[] => {
  if (holder.kind === 'staff') return [holder.staffId];
  const team = teamOf(directory, holder.teamId);
  if (!team) return [];
  const rms = directory.staff
    .filter((s) => s.role === 'rm' && s.teamId === team.teamId)
    .map((s) => s.staffId);
  return rms.length > 0 ? rms : [team.supervisorId];
};

/**
 * Those above the holder: the supervisor of their team (or of the queue's team) and the head of
 * their branch; the head of the customer's branch; and, while the alert is at the first rung,
 * the supervisor of the customer's team. Nobody is above themselves.
 */
const superiorsOf = (directory: StaffDirectory, alert: RaisedAlert): ReadonlySet<string> => {
  const { holder, customer } = alert;
  const holderStaff = holder.kind === 'staff' ? staffMember(directory, holder.staffId) : null;
  const teamId = holder.kind === 'team-queue' ? holder.teamId : (holderStaff?.teamId ?? null);
  const team = teamOf(directory, teamId);
  const branch = branchOf(directory, holderStaff?.branchId ?? team?.branchId ?? null);
  const ids = [team?.supervisorId, branch?.headId, customerBranch(directory, customer)?.headId];
  if (alert.level === 'rm') ids.push(customerTeam(directory, customer)?.supervisorId);
  return new Set(
    ids.filter((id): id is string => id !== undefined && !isHolder(holder, id, directory)),
  );
};

const isHolder = (holder: AlertHolder, staffId: string, directory: StaffDirectory): boolean =>
  recipientsOf(directory, holder).includes(staffId);

/**
 * How an actor stands to an alert at `at`: `holder` (holds it, or works its team queue),
 * `delegate` (acts for an absent holder), `superior` (above the holder, or acting for someone who
 * is), or `none`. A person not in the directory has no authority.
 */
export const authorityOver = (
  directory: StaffDirectory,
  actorId: string,
  alert: RaisedAlert,
  at: string,
): Authority => {
  if (!staffMember(directory, actorId)) return 'none';
  if (isHolder(alert.holder, actorId, directory)) return 'holder';
  const actsFor = directory.staff
    .filter((s) => s.staffId !== actorId && actingFor(directory, s.staffId, at) === actorId)
    .map((s) => s.staffId);
  if (actsFor.some((id) => isHolder(alert.holder, id, directory))) return 'delegate';
  const superiors = superiorsOf(directory, alert);
  if (superiors.has(actorId) || actsFor.some((id) => superiors.has(id))) return 'superior';
  return 'none';
};
