import {
  inboxPriority,
  type Actor,
  type AlertCommand,
  type StaffDirectory,
} from '@churn/domain-alert';
import { Inject, Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '../auth/staff-principal';
import {
  ALERT_COMMANDS,
  ALERT_READ_MODEL,
  ALERTING_CONFIG,
  CLOCK,
  type AlertCommandPort,
  type AlertingConfig,
  type AlertReadModel,
  type Clock,
} from '../ports/alerting-ports';
import { alertItem, type AlertItem } from './alert-view';
import { AlertsQueryService, notFound } from './alerts-query.service';
import { CustomerDataAccessLog } from './customer-data-access';

/** What every command a person gives carries: who, when (the injected clock), which directory. */
export interface ActingAs {
  readonly at: string;
  readonly directory: StaffDirectory;
  readonly actor: Actor;
}

/**
 * Runs a person's command on an alert they can see (else 404, as for a read). Whether they may
 * is the decider's rule (`not-holder-or-superior` → 403). The answer waits until the read model
 * has folded what was appended, so the caller's next list already shows it.
 */
@Injectable()
export class AlertActionsService {
  constructor(
    @Inject(ALERT_COMMANDS) private readonly commands: AlertCommandPort,
    @Inject(ALERT_READ_MODEL) private readonly readModel: AlertReadModel,
    @Inject(ALERTING_CONFIG) private readonly config: AlertingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AlertsQueryService) private readonly queries: AlertsQueryService,
    @Inject(CustomerDataAccessLog) private readonly accessLog: CustomerDataAccessLog,
  ) {}

  async act(
    staff: StaffPrincipal,
    route: string,
    alertId: string,
    command: (as: ActingAs) => AlertCommand,
  ): Promise<AlertItem> {
    await this.queries.visibleAlert(staff, alertId);
    const at = this.clock.now().toISOString();
    const actingAs = { at, directory: this.config.directory, actor: { staffId: staff.staffId } };
    const { state, appended } = await this.commands.execute(alertId, command(actingAs));
    const last = appended[appended.length - 1];
    if (last !== undefined) await this.readModel.caughtUpTo(last.position);
    if (state.status === 'none') throw notFound(alertId);
    const item = alertItem(state, inboxPriority(state), at);
    await this.accessLog.record(staff, route, [item]);
    return item;
  }
}
