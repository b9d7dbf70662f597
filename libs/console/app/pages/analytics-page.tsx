import { useMemo, useState } from 'react';
import * as audit from '../api/audit';
import type { MonthRange } from '../api/audit';
import type { ViewHeader } from '../api/audit-types';
import { useResource } from '../api/use-resource';
import {
  alertFunnelOption,
  churnOutcomesOption,
  employerRetentionOption,
  percent,
  tierCountsOption,
  tierMigrationOption,
  type Words,
} from '../charts/analytics-options';
import { Chart, type ChartOption } from '../components/chart';
import { Loadable } from '../components/loadable';
import { Panel, Stat } from '../components/panel';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { TeamSlaChart } from './team-sla-page';

/**
 * The branch at a glance for supervisors and the branch head (DOMAIN.md §2, §3, §5): tiers by
 * month and how customers moved between them, payroll retention by employer, the alert funnel,
 * why cases closed as they did, and SLA by team. Each chart asks its own route, so one route
 * that is missing (or slow) leaves the others working.
 */
export const AnalyticsPage = () => {
  const { t } = useI18n();
  const [range, setRange] = useState<MonthRange>({});
  const month = (name: 'from' | 'to', label: MessageKey) => (
    <label>
      {t(label)}{' '}
      <input
        type="month"
        data-testid={`range-${name}`}
        value={range[name] ?? ''}
        onChange={(e) => setRange({ ...range, [name]: e.target.value || undefined })}
      />
    </label>
  );
  return (
    <div className="analytics" data-testid="analytics">
      <header className="page-head">
        <h1>{t('analytics.title')}</h1>
        <div className="filters">
          {month('from', 'analytics.from')}
          {month('to', 'analytics.to')}
        </div>
      </header>
      <div className="grid">
        <ViewChart
          title="analytics.tierCounts"
          testId="chart-tier-counts"
          load={() => audit.tierCounts(range)}
          range={range}
          option={tierCountsOption}
        />
        <ViewChart
          title="analytics.tierMigration"
          testId="chart-tier-migration"
          load={() => audit.tierMigration(range)}
          range={range}
          option={tierMigrationOption}
          footer={(v) =>
            t('analytics.migrationSummary', { up: v.movedUp, stayed: v.stayed, down: v.movedDown })
          }
        />
        <ViewChart
          title="analytics.employerRetention"
          testId="chart-employer-retention"
          load={() => audit.employerRetention(range)}
          range={range}
          option={employerRetentionOption}
          footer={(v) =>
            t('analytics.branchRetention', {
              n: v.branch.employers,
              rate: percent(v.branch.retentionBasisPoints),
            })
          }
        />
        <ViewChart
          title="analytics.alertFunnel"
          testId="chart-alert-funnel"
          load={() => audit.alertFunnel(range)}
          range={range}
          option={alertFunnelOption}
        />
        <ViewChart
          title="analytics.churnOutcomes"
          testId="chart-churn-outcomes"
          load={() => audit.churnOutcomes(range)}
          range={range}
          option={churnOutcomesOption}
        />
        <BranchTeamSla range={range} />
      </div>
    </div>
  );
};

const ViewChart = <V extends ViewHeader>({
  title,
  testId,
  load,
  range,
  option,
  footer,
}: {
  readonly title: MessageKey;
  readonly testId: string;
  readonly load: () => Promise<V>;
  readonly range: MonthRange;
  readonly option: (view: V, words: Words) => ChartOption;
  readonly footer?: (view: V) => string;
}) => {
  const { t, word } = useI18n();
  const [view] = useResource(load, [range.from, range.to]);
  const words = useMemo<Words>(() => ({ word, label: (key) => t(key) }), [t, word]);
  const built = useMemo(
    () => (view.status === 'ready' ? option(view.data, words) : null),
    [view, option, words],
  );
  return (
    <Panel title={t(title)} testId={testId}>
      <Loadable resource={view}>
        {(v) => (
          <>
            <p className="muted">
              {v.from} – {v.to}
              {v.asOf === null ? '' : ` · ${t('field.asOf')} ${v.asOf}`}
            </p>
            {built && <Chart option={built} height={280} testId={`${testId}-canvas`} />}
            {footer && <p className="chart-footer">{footer(v)}</p>}
          </>
        )}
      </Loadable>
    </Panel>
  );
};

const BranchTeamSla = ({ range }: { readonly range: MonthRange }) => {
  const { t } = useI18n();
  const [view] = useResource(() => audit.branchTeamSla(range), [range.from, range.to]);
  return (
    <Panel title={t('analytics.teamSla')} testId="chart-team-sla">
      <Loadable resource={view}>
        {(v) =>
          v.teams.length === 0 ? (
            <Stat label={t('teamSla.noTeams')} value="—" />
          ) : (
            <TeamSlaChart reports={v.teams} />
          )
        }
      </Loadable>
    </Panel>
  );
};
