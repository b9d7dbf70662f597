import { SetMetadata } from '@nestjs/common';
import type { StaffRole } from '@churn/domain-alert';

export const ROLES_KEY = 'alerting:roles';

/** The roles a route is open to; any other role gets 403 naming the roles needed. */
export const Roles = (...roles: readonly StaffRole[]) => SetMetadata(ROLES_KEY, roles);

/** Who works alerts (the auditor reads, the operator watches the system). */
export const ALERT_WORKERS: readonly StaffRole[] = ['rm', 'supervisor', 'branch-head'];
/** Who may read customer data: everybody but the operator. */
export const CUSTOMER_READERS: readonly StaffRole[] = [...ALERT_WORKERS, 'auditor'];
