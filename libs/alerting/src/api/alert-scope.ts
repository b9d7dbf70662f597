import {
  authorityOver,
  staffMember,
  type AlertHolder,
  type RaisedAlert,
  type StaffDirectory,
} from '@churn/domain-alert';
import type { StaffPrincipal } from '../auth/staff-principal';

/**
 * Which alerts a member of staff may see (issue 5 §5). An alert out of scope does not exist for
 * them (404, so its existence is not revealed); whether they may act on a visible one is the
 * decider's call (`authorityOver`), so read scope and authority cannot drift apart: anybody the
 * domain lets act on an alert may also see it.
 *
 * - RM: alerts they hold or hold as a delegate, alerts on their own customers, and their team's
 *   shared queue (customers without an RM).
 * - Supervisor: alerts whose customer or holder is in a team they supervise.
 * - Branch head: alerts whose customer or holder is in a branch they head.
 * - Auditor: every alert, read-only. Operator: none (system health only).
 */
export const canSeeAlert = (
  directory: StaffDirectory,
  viewer: StaffPrincipal,
  alert: RaisedAlert,
  at: string,
): boolean => {
  switch (viewer.role) {
    case 'auditor':
      return true;
    case 'operator':
      return false;
    case 'rm':
      return (
        holds(directory, viewer.staffId, alert.holder, at) ||
        alert.customer.relationshipManagerId === viewer.staffId ||
        (alert.holder.kind === 'team-queue' && alert.holder.teamId === viewer.teamId) ||
        hasAuthority(directory, viewer, alert, at)
      );
    case 'supervisor': {
      const teams = new Set([...viewer.supervisedTeamIds, ...nonNull(viewer.teamId)]);
      return (
        holds(directory, viewer.staffId, alert.holder, at) ||
        teamsOfAlert(directory, alert).some((t) => teams.has(t)) ||
        hasAuthority(directory, viewer, alert, at)
      );
    }
    case 'branch-head': {
      const branches = new Set([...viewer.headedBranchIds, viewer.branchId]);
      return (
        holds(directory, viewer.staffId, alert.holder, at) ||
        branchesOfAlert(directory, alert).some((b) => branches.has(b)) ||
        hasAuthority(directory, viewer, alert, at)
      );
    }
  }
};

/** The holder is the viewer, or somebody absent at `at` whose delegate the viewer is. */
export const holds = (
  directory: StaffDirectory,
  staffId: string,
  holder: AlertHolder,
  at: string,
): boolean => {
  if (holder.kind !== 'staff') return false;
  if (holder.staffId === staffId) return true;
  const instant = Date.parse(at);
  return (staffMember(directory, holder.staffId)?.absences ?? []).some(
    (a) =>
      a.delegateId === staffId && Date.parse(a.from) <= instant && instant < Date.parse(a.until),
  );
};

const hasAuthority = (
  directory: StaffDirectory,
  viewer: StaffPrincipal,
  alert: RaisedAlert,
  at: string,
): boolean => authorityOver(directory, viewer.staffId, alert, at) !== 'none';

/** The teams an alert concerns: its customer's, its customer's RM's, its holder's. */
export const teamsOfAlert = (directory: StaffDirectory, alert: RaisedAlert): string[] => {
  const rm = alert.customer.relationshipManagerId;
  return [
    ...nonNull(alert.customer.teamId),
    ...nonNull(rm === null ? null : (staffMember(directory, rm)?.teamId ?? null)),
    ...nonNull(holderTeam(directory, alert.holder)),
  ];
};

export const branchesOfAlert = (directory: StaffDirectory, alert: RaisedAlert): string[] => {
  const teamBranches = teamsOfAlert(directory, alert).map(
    (teamId) => directory.teams.find((t) => t.teamId === teamId)?.branchId ?? null,
  );
  const holderBranch =
    alert.holder.kind === 'staff'
      ? (staffMember(directory, alert.holder.staffId)?.branchId ?? null)
      : null;
  return [
    ...nonNull(alert.customer.branchId),
    ...nonNull(holderBranch),
    ...teamBranches.flatMap(nonNull),
  ];
};

export const holderTeam = (directory: StaffDirectory, holder: AlertHolder): string | null =>
  holder.kind === 'team-queue'
    ? holder.teamId
    : (staffMember(directory, holder.staffId)?.teamId ?? null);

const nonNull = <T>(value: T | null): T[] => (value === null ? [] : [value]);
