import { useMemo } from 'react';
import { listAlerts, teamSla } from '../api/alerting';
import type { Staff, TeamSlaReport } from '../api/alerting-types';
import { useResource } from '../api/use-resource';
import { Chart } from '../components/chart';
import { Loadable } from '../components/loadable';
import { Panel, Stat } from '../components/panel';
import { useI18n } from '../i18n/i18n';
import { useStaff } from '../session/session';

/**
 * The teams a person may look at: a supervisor's own teams; a branch head's or an auditor's,
 * the teams their alerts concern (the API has no list of teams, the alerts name them).
 */
const teamsOf = async (staff: Staff): Promise<string[]> => {
  const own = [
    ...(staff.supervisedTeamIds ?? []),
    ...(staff.teamId === null ? [] : [staff.teamId]),
  ];
  if (staff.role === 'supervisor' || staff.role === 'rm') return [...new Set(own)].sort();
  const page = await listAlerts({ status: 'all', limit: 100 });
  const named = page.items.flatMap((a) => (a.customer.teamId === null ? [] : [a.customer.teamId]));
  return [...new Set([...own, ...named])].sort();
};

export const TeamSlaPage = () => {
  const { t } = useI18n();
  const staff = useStaff();
  const [reports] = useResource(
    async () => Promise.all((await teamsOf(staff)).map((teamId) => teamSla(teamId))),
    [staff.staffId],
  );
  return (
    <div data-testid="team-sla">
      <Loadable resource={reports}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('teamSla.noTeams')}</p>
          ) : (
            <>
              <Panel title={t('analytics.teamSla')}>
                <TeamSlaChart reports={list} />
              </Panel>
              {list.map((r) => (
                <TeamSlaCard key={r.teamId} report={r} />
              ))}
            </>
          )
        }
      </Loadable>
    </div>
  );
};

export const TeamSlaChart = ({ reports }: { readonly reports: readonly TeamSlaReport[] }) => {
  const { t } = useI18n();
  const option = useMemo(() => {
    const bars = [
      ['teamSla.raised', (r: TeamSlaReport) => r.raised],
      ['teamSla.ackWithin', (r: TeamSlaReport) => r.acknowledgedWithinSla],
      ['teamSla.contactWithin', (r: TeamSlaReport) => r.contactedWithinSla],
      ['teamSla.escalated', (r: TeamSlaReport) => r.escalated],
      ['teamSla.openNow', (r: TeamSlaReport) => r.openNow],
    ] as const;
    return {
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 64, bottom: 30 },
      xAxis: { type: 'category', data: reports.map((r) => r.teamId), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: bars.map(([label, pick]) => ({
        type: 'bar',
        barMaxWidth: 28,
        name: t(label),
        data: reports.map(pick),
      })),
    };
  }, [reports, t]);
  return <Chart option={option} height={280} testId="team-sla-chart" />;
};

const minutes = (n: number | null, t: ReturnType<typeof useI18n>['t']) =>
  n === null ? '—' : t('teamSla.minutes', { n });

const TeamSlaCard = ({ report: r }: { readonly report: TeamSlaReport }) => {
  const { t, word, instant } = useI18n();
  const breaches = Object.entries(r.breachesByRule);
  return (
    <Panel title={`${t('teamSla.title')} · ${r.teamId}`} testId={`team-${r.teamId}`}>
      <p className="muted">{t('teamSla.window', { from: instant(r.from), to: instant(r.to) })}</p>
      <div className="stats">
        <Stat label={t('teamSla.raised')} value={r.raised} />
        <Stat label={t('teamSla.acknowledged')} value={r.acknowledged} />
        <Stat label={t('teamSla.ackWithin')} value={r.acknowledgedWithinSla} />
        <Stat label={t('teamSla.contacted')} value={r.contacted} />
        <Stat label={t('teamSla.contactWithin')} value={r.contactedWithinSla} />
        <Stat label={t('teamSla.escalated')} value={r.escalated} />
        <Stat label={t('teamSla.openNow')} value={r.openNow} testId="open-now" />
        <Stat
          label={t('teamSla.medianAck')}
          value={minutes(r.businessMinutesToAcknowledge.median, t)}
        />
        <Stat label={t('teamSla.p90Ack')} value={minutes(r.businessMinutesToAcknowledge.p90, t)} />
      </div>
      {breaches.length > 0 && (
        <p>
          {t('teamSla.breaches')}:{' '}
          {breaches
            .map(([rule, n]) => {
              const [level = '', kind = ''] = rule.split('/');
              return `${word('level', level)} · ${word('slaKind', kind)} ×${n}`;
            })
            .join('，')}
        </p>
      )}
    </Panel>
  );
};
