import { useMemo } from 'react';
import * as audit from '../api/audit';
import type { DeadLetter, IngestionOps } from '../api/audit-types';
import { useResource } from '../api/use-resource';
import { Chart } from '../components/chart';
import { Loadable } from '../components/loadable';
import { Panel, Stat } from '../components/panel';
import { useI18n } from '../i18n/i18n';

/** Operations (DOMAIN.md §8): is data coming in, how far behind, what was refused and why. */
export const OpsPage = () => {
  const { t } = useI18n();
  const [ops, reload] = useResource(() => audit.ingestion({ limit: 50 }), []);
  return (
    <div data-testid="ops">
      <Panel
        title={t('ops.title')}
        actions={
          <button type="button" onClick={reload}>
            {t('common.refresh')}
          </button>
        }
      >
        <Loadable resource={ops} retry={reload}>
          {(o) => <Ingestion ops={o} />}
        </Loadable>
      </Panel>
    </div>
  );
};

const rate = (n: number) => (n >= 10 ? Math.round(n).toLocaleString('en') : n.toFixed(2));

const Ingestion = ({ ops: o }: { readonly ops: IngestionOps }) => {
  const { t, instant } = useI18n();
  const totals = o.throughput.totals;
  const recent = o.throughput.perSecondRecent ?? o.throughput.perSecondSinceStart;
  const totalLag = o.lag.reduce((n, p) => n + p.lag, 0);
  return (
    <div data-testid="ingestion-figures">
      <p className="muted">
        {t('ops.mode', { mode: o.mode })} · {t('ops.since', { at: instant(o.throughput.since) })}
        {!o.throughput.consumerInProcess && ` · ${t('ops.noConsumer')}`}
      </p>
      <div className="stats">
        <Stat label={t('ops.consumed')} value={totals.consumed.toLocaleString('en')} />
        <Stat label={t('ops.stored')} value={totals.stored.toLocaleString('en')} />
        <Stat label={t('ops.deadLettered')} value={totals.deadLettered.toLocaleString('en')} />
        <Stat
          label={t('ops.throughput')}
          value={t('ops.perSecond', { n: rate(recent.stored) })}
          testId="throughput"
        />
        <Stat label={t('ops.lag')} value={totalLag.toLocaleString('en')} testId="lag" />
      </div>
      <ByTopic ops={o} />
      {o.lag.length > 0 && (
        <table className="lag">
          <thead>
            <tr>
              <th>{t('ops.topic')}</th>
              <th>{t('ops.partition')}</th>
              <th className="num">{t('ops.lag')}</th>
              <th className="num">{t('ops.committed')}</th>
            </tr>
          </thead>
          <tbody>
            {o.lag.map((p) => (
              <tr key={`${p.topic}/${p.partition}`}>
                <td>{p.topic}</td>
                <td>{p.partition}</td>
                <td className="num">{p.lag}</td>
                <td className="num">{p.committedOffset ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DeadLetters letters={o.deadLetters.items} />
    </div>
  );
};

/** Messages in by topic: stored and dead-lettered, since this process started. */
const ByTopic = ({ ops }: { readonly ops: IngestionOps }) => {
  const { t } = useI18n();
  const topics = ops.throughput.byTopic;
  const option = useMemo(
    () => ({
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 16, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: topics.map((x) => x.topic) },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', stack: 'in', name: t('ops.stored'), data: topics.map((x) => x.stored) },
        {
          type: 'bar',
          stack: 'in',
          name: t('ops.deadLettered'),
          data: topics.map((x) => x.deadLettered),
          itemStyle: { color: '#c62828' },
        },
      ],
    }),
    [topics, t],
  );
  if (topics.length === 0) return null;
  return <Chart option={option} height={220} testId="ops-by-topic" />;
};

const DeadLetters = ({ letters }: { readonly letters: readonly DeadLetter[] }) => {
  const { t, instant } = useI18n();
  return (
    <section data-testid="dead-letters">
      <h3>{t('ops.deadLetters')}</h3>
      {letters.length === 0 ? (
        <p className="muted">{t('ops.noDeadLetters')}</p>
      ) : (
        <table className="dead-letters">
          <thead>
            <tr>
              <th>{t('ops.at')}</th>
              <th>{t('ops.source')}</th>
              <th>{t('ops.reason')}</th>
              <th>{t('ops.original')}</th>
            </tr>
          </thead>
          <tbody>
            {letters.map((d, i) => (
              <tr key={i} data-testid="dead-letter">
                <td className="when">{instant(d.firstSeenAt)}</td>
                <td>
                  {d.source.topic ?? '—'}
                  {d.source.partition !== null && ` / ${d.source.partition}`}
                  {d.source.offset !== null && ` @ ${d.source.offset}`}
                  <div className="muted">
                    {d.kept.kind === 'file'
                      ? `${d.kept.file}:${d.kept.line}`
                      : `${d.kept.topic}/${d.kept.partition}@${d.kept.offset}`}
                  </div>
                </td>
                <td>
                  <strong>{d.reason ?? '—'}</strong>
                  {d.field && ` (${d.field})`}
                  {d.detail && <div className="muted">{d.detail}</div>}
                </td>
                <td>
                  <details>
                    <summary>{(d.original ?? '').slice(0, 60)}</summary>
                    <pre>{d.original}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
