import {
  ALERTING_CONFIG,
  alertNotFound,
  canSeeAlert,
  type AlertingConfig,
  type StaffPrincipal,
} from '@churn/alerting';
import type { RaisedAlert } from '@churn/domain-alert';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AuditFold } from '../as-of/audit-fold';
import type { CustomerHistory } from '../as-of/customer-snapshots';
import { AuditReadModels } from '../history/audit-read-models';
import { AUDIT_CLOCK, type AuditClock } from './audit-ports';
import { canSeeCustomer, type CustomerPlacement } from './customer-scope';

/** Missing and out of scope read the same, so a 404 reveals nothing. */
export const customerNotFound = (customerId: string): NotFoundException =>
  new NotFoundException(`customer ${customerId} not found`);

export const placementOf = (customerId: string, head: AuditFold): CustomerPlacement => {
  const { relationshipManager: rm, profile } = head.customer;
  return {
    customerId,
    relationshipManagerId: rm?.rmId ?? null,
    teamId: rm?.teamId ?? profile?.teamId ?? null,
    branchId: profile?.branchId ?? null,
  };
};

/**
 * The gate of every audit query (issue 6 §1: the same roles and access rules as the alerting
 * API): the customer or alert as the caller may see it, or 404. Where the customer sits is read
 * from their own stream, caught up with the store on every query, so a new RM sees the customer
 * at once and the old one no longer does.
 */
@Injectable()
export class AuditScope {
  constructor(
    @Inject(AuditReadModels) private readonly models: AuditReadModels,
    @Inject(ALERTING_CONFIG) private readonly config: AlertingConfig,
    @Inject(AUDIT_CLOCK) private readonly clock: AuditClock,
  ) {}

  async customer(staff: StaffPrincipal, customerId: string): Promise<CustomerHistory> {
    const history = await this.models.snapshots.history(customerId);
    if (history === null) throw customerNotFound(customerId);
    await this.models.alerts.refresh();
    const alerts = this.models.alerts.ofCustomer(customerId);
    const at = this.clock.now().toISOString();
    const placement = placementOf(customerId, history.head);
    if (!canSeeCustomer(this.config.directory, staff, placement, alerts, at))
      throw customerNotFound(customerId);
    return history;
  }

  /** The alert as the caller may see it: as the alerting API shows it, auditors see all. */
  canSeeAlert(staff: StaffPrincipal, alert: RaisedAlert): boolean {
    return canSeeAlert(this.config.directory, staff, alert, this.clock.now().toISOString());
  }

  alertNotFound(alertId: string): Error {
    return alertNotFound(alertId);
  }
}
