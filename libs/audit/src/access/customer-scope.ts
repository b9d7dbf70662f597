import { canSeeAlert, type StaffPrincipal } from '@churn/alerting';
import type { RaisedAlert, StaffDirectory } from '@churn/domain-alert';

/** Where a customer sits in the branch now: their RM, team and branch, as their facts tell it. */
export interface CustomerPlacement {
  readonly customerId: string;
  readonly relationshipManagerId: string | null;
  readonly teamId: string | null;
  readonly branchId: string | null;
}

/**
 * Whose customer data an audit query may show (issue 6 §1: the same roles and scope as the
 * alerting API). Out of scope reads as not found, so a 404 reveals nothing.
 *
 * - RM: their own customers (the customer's RM now), and customers of alerts they may see
 *   (held, delegated, their team's queue).
 * - Supervisor: customers of a team they supervise or belong to (the customer's team, or their
 *   RM's team in the directory), and customers of alerts they may see.
 * - Branch head: customers of a branch they head or belong to, and of alerts they may see.
 * - Auditor: everybody. Operator: nobody (the roles guard refuses them first).
 */
export const canSeeCustomer = (
  directory: StaffDirectory,
  viewer: StaffPrincipal,
  customer: CustomerPlacement,
  alerts: readonly RaisedAlert[],
  at: string,
): boolean => {
  if (viewer.role === 'auditor') return true;
  if (viewer.role === 'operator') return false;
  return (
    placedWithViewer(directory, viewer, customer) ||
    alerts.some((alert) => canSeeAlert(directory, viewer, alert, at))
  );
};

const placedWithViewer = (
  directory: StaffDirectory,
  viewer: StaffPrincipal,
  customer: CustomerPlacement,
): boolean => {
  if (viewer.role === 'rm') return customer.relationshipManagerId === viewer.staffId;
  const teams = teamsOf(directory, customer);
  if (viewer.role === 'supervisor') {
    const mine = new Set([...viewer.supervisedTeamIds, ...(viewer.teamId ? [viewer.teamId] : [])]);
    return teams.some((t) => mine.has(t));
  }
  const branches = new Set([...viewer.headedBranchIds, viewer.branchId]);
  const customerBranches = [
    ...(customer.branchId === null ? [] : [customer.branchId]),
    ...teams.flatMap((t) => directory.teams.filter((d) => d.teamId === t).map((d) => d.branchId)),
  ];
  return customerBranches.some((b) => branches.has(b));
};

/** The customer's team, and their RM's team in the directory (an RM moved keeps the customer). */
const teamsOf = (directory: StaffDirectory, customer: CustomerPlacement): string[] => {
  const rm = customer.relationshipManagerId;
  const rmTeam =
    rm === null ? null : (directory.staff.find((s) => s.staffId === rm)?.teamId ?? null);
  return [customer.teamId, rmTeam].filter((t): t is string => t !== null);
};
