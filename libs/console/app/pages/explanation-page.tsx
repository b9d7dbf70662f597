import * as audit from '../api/audit';
import type { AlertExplanation, EvidenceEvent } from '../api/audit-types';
import { useResource } from '../api/use-resource';
import { Loadable } from '../components/loadable';
import { Fields, Panel } from '../components/panel';
import { Tag } from '../components/words';
import { formatMeasure } from '../format/measure';
import { useI18n } from '../i18n/i18n';
import { href } from '../router/hash-route';

/**
 * Why an alert fired, as the audit API replays it (ARCHITECTURE.md principle 6): each risk
 * assessment merged into it, its signals with the measures compared against their thresholds,
 * the stored events behind each signal and where they came from, the policy versions, and what
 * people did about it.
 */
export const ExplanationPage = ({ alertId }: { readonly alertId: string }) => {
  const { t } = useI18n();
  const [explanation] = useResource(() => audit.alertExplanation(alertId), [alertId]);
  return (
    <div data-testid="explanation">
      <h1>
        {t('explain.title', { id: alertId.slice(0, 8) })}{' '}
        <a className="small" href={href('alerts', alertId)}>
          {t('common.back')}
        </a>
      </h1>
      <Loadable resource={explanation}>{(e) => <Explanation explanation={e} />}</Loadable>
    </div>
  );
};

const Explanation = ({ explanation: e }: { readonly explanation: AlertExplanation }) => {
  const { t, word, instant } = useI18n();
  return (
    <>
      <Panel title={t('explain.alert')} testId="explanation-alert">
        <Fields
          rows={[
            [
              t('col.customer'),
              <a key="c" href={href('customers', e.alert.customer.customerId)}>
                {e.alert.customer.customerId}
              </a>,
            ],
            [t('col.severity'), <Tag key="s" kind="severity" value={e.alert.severity} />],
            [t('col.level'), word('level', e.alert.level)],
            [t('col.status'), <Tag key="st" kind="status" value={e.alert.status} />],
            [t('explain.alertingPolicy'), e.policies.alerting.version],
            [t('explain.riskPolicies'), e.policies.risk.map((p) => p.version).join(', ')],
          ]}
        />
      </Panel>
      {e.causes.map((cause) => (
        <Panel
          key={cause.riskEventId}
          testId="explanation-cause"
          title={t('alert.assessment', {
            type: cause.riskEventType,
            date: cause.assessedOn,
            score: cause.score,
            policy: cause.riskPolicyVersion,
          })}
        >
          {cause.signals.length === 0 && <p className="muted">{t('explain.noSignals')}</p>}
          {cause.signals.map((s) => (
            <div key={s.code} className="signal" data-testid="explanation-signal">
              <strong>{word('signal', s.code)}</strong>
              <p className="muted">{s.explanation}</p>
              {s.measures.length > 0 && (
                <table className="measures">
                  <tbody>
                    {s.measures.map((m) => (
                      <tr key={m.name} data-testid="measure">
                        <td>
                          <code>{m.name}</code>
                        </td>
                        <td>
                          {t('explain.value', {
                            value: formatMeasure(m.value, m.unit, (n) => t('unit.days', { n })),
                            threshold: formatMeasure(m.threshold, m.unit, (n) =>
                              t('unit.days', { n }),
                            ),
                          })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <Evidence evidence={s.evidence} />
            </div>
          ))}
        </Panel>
      ))}
      <Panel title={t('explain.actions')} testId="explanation-actions">
        {e.escalations.length + e.actions.length === 0 && (
          <p className="muted">{t('common.none')}</p>
        )}
        <table className="history">
          <tbody>
            {e.escalations.map((x, i) => (
              <tr key={`e${i}`}>
                <td className="when">{instant(String(x['at']))}</td>
                <td>{t('action.escalate')}</td>
                <td className="json">{JSON.stringify(x['trigger'])}</td>
              </tr>
            ))}
            {e.actions.map((a, i) => (
              <tr key={`a${i}`}>
                <td className="when">{instant(a.at)}</td>
                <td>
                  {a.action} · {a.by}
                </td>
                <td className="json">{JSON.stringify(a.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
    </>
  );
};

const Evidence = ({ evidence }: { readonly evidence: readonly EvidenceEvent[] }) => {
  const { t, instant } = useI18n();
  if (evidence.length === 0) return null;
  return (
    <ul className="evidence">
      {evidence.map((ev) => (
        <li key={ev.eventId} data-testid="evidence-event">
          {ev.found ? (
            <>
              <span className="when">{instant(ev.occurredAt)}</span> {ev.type}{' '}
              {ev.source && (
                <span className="muted">
                  ({t('ops.source')}: {ev.source.topic}/{ev.source.partition}@{ev.source.offset})
                </span>
              )}
              {ev.raw?.status === 'fetched' && <pre>{ev.raw.value}</pre>}
            </>
          ) : (
            <span className="muted">
              <code>{ev.eventId}</code> {t('explain.notFound')}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
};
