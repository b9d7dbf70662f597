/**
 * Who works at the branch (issue 5 §2): relationship managers in teams, a supervisor per team, a
 * head per branch, auditors and operators; absence with a delegate. Loaded from events or a
 * config file by the adapter; the domain only reads it.
 */
export const STAFF_ROLES = ['rm', 'supervisor', 'branch-head', 'auditor', 'operator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface Absence {
  /** ISO instants, `from` inclusive, `until` exclusive. */
  readonly from: string;
  readonly until: string;
  /** Who holds this person's alerts meanwhile. */
  readonly delegateId: string;
}

export interface StaffMember {
  readonly staffId: string;
  readonly name: string;
  readonly role: StaffRole;
  /** Relationship managers and supervisors belong to a team; heads, auditors, operators may not. */
  readonly teamId: string | null;
  readonly branchId: string;
  readonly email: string | null;
  /** Where this person's webhook notifications go (e.g. the bank's mobile push gateway). */
  readonly webhookUrl: string | null;
  readonly absences: readonly Absence[];
}

export interface Team {
  readonly teamId: string;
  readonly branchId: string;
  readonly supervisorId: string;
}

export interface Branch {
  readonly branchId: string;
  readonly headId: string;
}

export interface StaffDirectory {
  readonly version: string;
  readonly staff: readonly StaffMember[];
  readonly teams: readonly Team[];
  readonly branches: readonly Branch[];
}

/** Who an alert is with: a person, or a team's shared queue (customers without an RM). */
export type AlertHolder =
  | { readonly kind: 'staff'; readonly staffId: string }
  | { readonly kind: 'team-queue'; readonly teamId: string };
