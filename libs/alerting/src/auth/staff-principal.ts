import { staffMember, type StaffDirectory, type StaffRole } from '@churn/domain-alert';

/**
 * Who is calling, as the staff directory knows them now: never as the token claims. A
 * supervisor's teams are the teams whose supervisor they are; a branch head's branches the
 * branches they head (plus their own team and branch, for a person moved between roles).
 */
export interface StaffPrincipal {
  readonly staffId: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly teamId: string | null;
  readonly branchId: string;
  readonly supervisedTeamIds: readonly string[];
  readonly headedBranchIds: readonly string[];
}

export const principalOf = (directory: StaffDirectory, staffId: string): StaffPrincipal | null => {
  const member = staffMember(directory, staffId);
  if (member === null) return null;
  return {
    staffId,
    name: member.name,
    role: member.role,
    teamId: member.teamId,
    branchId: member.branchId,
    supervisedTeamIds: directory.teams
      .filter((t) => t.supervisorId === staffId)
      .map((t) => t.teamId),
    headedBranchIds: directory.branches.filter((b) => b.headId === staffId).map((b) => b.branchId),
  };
};
