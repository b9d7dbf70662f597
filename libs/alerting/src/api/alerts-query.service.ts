import { AlertError, inboxPriority, type RaisedAlert } from '@churn/domain-alert';
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
import { alertDetail, type AlertDetail } from './alert-detail';
import {
  matchesFilter,
  pageOf,
  rankAlerts,
  UnreadableCursor,
  type AlertFilter,
  type Page,
} from './alert-pages';
import { canSeeAlert } from './alert-scope';
import { alertItem, type AlertItem } from './alert-view';
import { CustomerDataAccessLog } from './customer-data-access';
import { badField } from './validation';

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * What staff read: their inbox, one alert in full, the escalations above them. Lists come from
 * the read model; one alert is read from its stream (the truth, and its history). Each answer
 * that shows a customer is recorded in the reader's access log before it is returned.
 */
@Injectable()
export class AlertsQueryService {
  constructor(
    @Inject(ALERT_READ_MODEL) private readonly readModel: AlertReadModel,
    @Inject(ALERT_COMMANDS) private readonly commands: AlertCommandPort,
    @Inject(ALERTING_CONFIG) private readonly config: AlertingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CustomerDataAccessLog) private readonly accessLog: CustomerDataAccessLog,
  ) {}

  async list(
    staff: StaffPrincipal,
    route: string,
    filter: AlertFilter & { readonly levels?: readonly string[] },
    page: PageRequest,
  ): Promise<Page<AlertItem>> {
    const now = this.clock.now().toISOString();
    const { directory } = this.config;
    const visible: RaisedAlert[] = [];
    for (const { state } of this.readModel.all())
      if (
        canSeeAlert(directory, staff, state, now) &&
        matchesFilter(directory, state, filter) &&
        (filter.levels === undefined || filter.levels.includes(state.level))
      )
        visible.push(state);
    let result: Page<AlertItem>;
    try {
      result = pageOf(rankAlerts(visible), page, (r) => alertItem(r.alert, r.priority, now));
    } catch (error) {
      if (error instanceof UnreadableCursor) throw badField('cursor', error.message);
      throw error;
    }
    await this.accessLog.record(staff, route, result.items);
    return result;
  }

  async detail(staff: StaffPrincipal, route: string, alertId: string): Promise<AlertDetail> {
    const now = this.clock.now().toISOString();
    const loaded = await this.commands.load(alertId);
    const { state } = loaded;
    if (state.status === 'none' || !canSeeAlert(this.config.directory, staff, state, now))
      throw notFound(alertId);
    const detail = alertDetail(state, inboxPriority(state), loaded.events, now);
    await this.accessLog.record(staff, route, [detail]);
    return detail;
  }

  /** The alert as the caller may see it, or 404 whether it is missing or out of their scope. */
  async visibleAlert(staff: StaffPrincipal, alertId: string): Promise<RaisedAlert> {
    const { state } = await this.commands.load(alertId);
    const now = this.clock.now().toISOString();
    if (state.status === 'none' || !canSeeAlert(this.config.directory, staff, state, now))
      throw notFound(alertId);
    return state;
  }
}

/** Missing and out of scope read the same, so a 404 reveals nothing. */
export const notFound = (alertId: string): AlertError =>
  new AlertError('alert-not-found', `alert ${alertId} not found`);
