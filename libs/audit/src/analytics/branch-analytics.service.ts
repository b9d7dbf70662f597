import {
  ALERTING_CONFIG,
  badField,
  type AlertingConfig,
  type StaffPrincipal,
} from '@churn/alerting';
import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { AuditAccessLog } from '../access/audit-access-log';
import { AUDIT_CLOCK, type AuditClock } from '../access/audit-ports';
import { alertFunnelView, churnOutcomesView, teamSlaView } from './alert-views';
import type { EmployerRetentionQuery, MonthWindowQuery } from './branch-analytics.dto';
import type { BranchAnalyticsModel } from './branch-analytics.model';
import { BRANCH_ANALYTICS_OPTIONS, type BranchAnalyticsOptions } from './branch-analytics.options';
import { BranchAnalyticsProjection } from './branch-analytics.projection';
import { employerRetentionView } from './employer-views';
import { monthIndexOf, monthOfDay, monthOfInstantMs, type MonthIndex } from './months';
import { tierCountsView, tierMigrationView, type MonthWindow } from './tier-views';

/** Ten years of months: the longest window one query folds. */
export const MAX_WINDOW_MONTHS = 120;

/** Who asked what, for the access record every audit query leaves (issue 6 §1). */
export interface Asked {
  readonly staff: StaffPrincipal;
  readonly route: string;
}

/**
 * The branch analytics routes' work: the window asked for, the view computed from the current
 * model, and the access record appended before the answer leaves (no record, no answer).
 */
@Injectable()
export class BranchAnalyticsService {
  private readonly employerNames: ReadonlyMap<string, string>;

  constructor(
    @Inject(BranchAnalyticsProjection) private readonly projection: BranchAnalyticsProjection,
    @Inject(AuditAccessLog) private readonly access: AuditAccessLog,
    @Inject(ALERTING_CONFIG) private readonly config: AlertingConfig,
    @Inject(AUDIT_CLOCK) private readonly clock: AuditClock,
    @Inject(BRANCH_ANALYTICS_OPTIONS) options: BranchAnalyticsOptions,
  ) {
    this.employerNames = new Map(Object.entries(options.employerNames ?? {}));
  }

  tierCounts(asked: Asked, query: MonthWindowQuery) {
    return this.answer(asked, query, (model) =>
      tierCountsView(model, this.windowOf(query, this.factMonth(model))),
    );
  }

  tierMigration(asked: Asked, query: MonthWindowQuery) {
    return this.answer(asked, query, (model) =>
      tierMigrationView(model, this.windowOf(query, this.factMonth(model))),
    );
  }

  employerRetention(asked: Asked, query: EmployerRetentionQuery) {
    return this.answer(asked, query, (model) =>
      employerRetentionView(
        model,
        this.windowOf(query, this.factMonth(model)),
        this.employerNames,
        query.limit,
      ),
    );
  }

  churnOutcomes(asked: Asked, query: MonthWindowQuery) {
    return this.answer(asked, query, (model) =>
      churnOutcomesView(model, this.windowOf(query, this.clockMonth())),
    );
  }

  alertFunnel(asked: Asked, query: MonthWindowQuery) {
    return this.answer(asked, query, (model) =>
      alertFunnelView(model, this.windowOf(query, this.clockMonth())),
    );
  }

  teamSla(asked: Asked, query: MonthWindowQuery) {
    return this.answer(asked, query, (model) =>
      teamSlaView(
        model,
        this.windowOf(query, this.clockMonth()),
        this.config.directory,
        asked.staff,
      ),
    );
  }

  private async answer<T>(
    asked: Asked,
    query: object,
    view: (model: BranchAnalyticsModel) => T,
  ): Promise<T> {
    if (!this.projection.ready)
      throw new ServiceUnavailableException(
        `the branch analytics are still reading the store (at position ${this.projection.position}); ask again shortly`,
      );
    const answer = view(this.projection.model);
    await this.access.record(asked.staff, {
      route: asked.route,
      customerIds: [],
      alertIds: [],
      query: { ...query },
    });
    return answer;
  }

  private windowOf(query: MonthWindowQuery, defaultTo: MonthIndex): MonthWindow {
    const to = query.to === undefined ? defaultTo : monthIndexOf(query.to);
    const from = query.from === undefined ? to - 11 : monthIndexOf(query.from);
    if (from > to) throw badField('from', 'from must not be after to');
    if (to - from >= MAX_WINDOW_MONTHS)
      throw badField('from', `a window spans at most ${MAX_WINDOW_MONTHS} months`);
    return { from, to };
  }

  /** The month of the latest fact: tiers and payroll are as of the facts, not the wall clock. */
  private factMonth(model: BranchAnalyticsModel): MonthIndex {
    const day = model.tiers.latestDay;
    return day === null ? this.clockMonth() : monthOfDay(day);
  }

  private clockMonth(): MonthIndex {
    return monthOfInstantMs(this.clock.now().getTime());
  }
}
