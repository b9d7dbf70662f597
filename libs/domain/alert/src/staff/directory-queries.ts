import type { AlertLevel } from '../decider/alert-vocabulary';
import type { AlertCustomer } from '../decider/alert-events';
import type { RaisedAlert } from '../decider/alert-state';
import type { AlertHolder, StaffDirectory, StaffMember } from './staff-directory';

export const staffMember = (directory: StaffDirectory, staffId: string): StaffMember | null =>
  directory.staff.find((s) => s.staffId === staffId) ?? null;

/** How an actor stands to an alert: holds it, holds it for someone absent, is above it, or none. */
export type Authority = 'holder' | 'delegate' | 'superior' | 'none';

/** STUB (signature fixed). */
export const authorityOver = (
  _directory: StaffDirectory,
  _actorId: string,
  _alert: RaisedAlert,
  _at: string,
): Authority => 'none';

/** STUB (signature fixed). Who holds an alert at `level` for this customer at `at` (delegates applied). */
export const holderAt = (
  _directory: StaffDirectory,
  _level: AlertLevel,
  _customer: AlertCustomer,
  _at: string,
): { readonly holder: AlertHolder; readonly note: string | null } => {
  throw new Error('not implemented');
};

/** STUB (signature fixed). The staff ids an alert at this holder concerns: the person, or the team's RMs. */
export const recipientsOf = (_directory: StaffDirectory, _holder: AlertHolder): readonly string[] => [];
