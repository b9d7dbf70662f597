import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { StaffPrincipal } from '../auth/staff-principal';
import {
  ALERT_READ_MODEL,
  ALERTING_CONFIG,
  CLOCK,
  type AlertingConfig,
  type AlertReadModel,
  type Clock,
} from '../ports/alerting-ports';
import { teamsOfAlert } from './alert-scope';
import { teamSlaReport, type TeamSlaReport } from './team-sla';
import { badField, utcInstant } from './validation';

/** The default window: the last 30 days, a month of a team's work. */
const DEFAULT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * A team's SLA performance, for the team's supervisor, the head of its branch and auditors. It
 * aggregates and names no customer, so it leaves no access record.
 */
@Injectable()
export class TeamSlaService {
  constructor(
    @Inject(ALERT_READ_MODEL) private readonly readModel: AlertReadModel,
    @Inject(ALERTING_CONFIG) private readonly config: AlertingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  report(
    staff: StaffPrincipal,
    teamId: string,
    window: { readonly from?: string; readonly to?: string },
  ): TeamSlaReport {
    const { directory } = this.config;
    const team = directory.teams.find((t) => t.teamId === teamId);
    if (team === undefined) throw new NotFoundException(`team ${teamId} not found`);
    const allowed =
      staff.role === 'auditor' ||
      (staff.role === 'supervisor' &&
        (staff.supervisedTeamIds.includes(teamId) || staff.teamId === teamId)) ||
      (staff.role === 'branch-head' &&
        (staff.headedBranchIds.includes(team.branchId) || staff.branchId === team.branchId));
    if (!allowed)
      throw new ForbiddenException(
        `${staff.staffId} may see the SLA of the teams they supervise or whose branch they head, not of ${teamId}`,
      );
    const to = window.to === undefined ? this.clock.now().toISOString() : utcInstant(window.to);
    const from =
      window.from === undefined
        ? new Date(Date.parse(to) - DEFAULT_WINDOW_MS).toISOString()
        : utcInstant(window.from);
    if (Date.parse(from) >= Date.parse(to)) throw badField('from', 'from must be before to');
    const alerts = [...this.readModel.all()]
      .map((v) => v.state)
      .filter((a) => teamsOfAlert(directory, a).includes(teamId));
    return teamSlaReport(teamId, alerts, { from, to });
  }
}
