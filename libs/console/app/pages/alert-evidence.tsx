import type { AlertDetail, HistoryEntry } from '../api/alerting-types';
import { Panel } from '../components/panel';
import { useI18n } from '../i18n/i18n';
import { href } from '../router/hash-route';

/** Reasons in plain words: the signal's name in the reader's language, then the engine's words. */
export const Reasons = ({ alert }: { readonly alert: AlertDetail }) => {
  const { t, word } = useI18n();
  return (
    <Panel title={t('alert.reasons')} testId="reasons">
      <ul className="reasons">
        {alert.signals.map((s) => (
          <li key={s.code} data-testid="reason">
            <strong>{word('signal', s.code)}</strong>
            {s.strengthBasisPoints !== undefined && (
              <span className="muted">
                {' '}
                ({t('alert.strength', { pct: Math.round(s.strengthBasisPoints / 100) })})
              </span>
            )}
            <p>{s.explanation}</p>
          </li>
        ))}
      </ul>
      {alert.riskEased && <p className="notice">{t('alert.riskEased')}</p>}
    </Panel>
  );
};

/** The events and assessments behind the alert (ARCHITECTURE.md principle 6). */
export const Evidence = ({ alert }: { readonly alert: AlertDetail }) => {
  const { t, word } = useI18n();
  const customerId = alert.customer.customerId;
  return (
    <Panel title={t('alert.evidence')} testId="evidence">
      <h3>{t('alert.evidenceEvents')}</h3>
      <ul className="evidence">
        {alert.signals.flatMap((s) =>
          (s.evidenceEventIds ?? []).map((id) => (
            <li key={`${s.code}-${id}`}>
              {word('signal', s.code)}: <code>{id}</code>
            </li>
          )),
        )}
      </ul>
      <h3>{t('alert.assessments')}</h3>
      <ul className="evidence">
        {alert.causes.map((c) => (
          <li key={c.riskEventId}>
            <a href={`${href('customers', customerId)}?date=${c.assessedOn}`}>
              {t('alert.assessment', {
                type: c.riskEventType,
                date: c.assessedOn,
                score: c.score,
                policy: c.riskPolicyVersion,
              })}
            </a>
          </li>
        ))}
      </ul>
    </Panel>
  );
};

/** What to offer this customer: the service items their segment allows (thesis Table 5.3). */
export const SuggestedActions = ({ alert }: { readonly alert: AlertDetail }) => {
  const { t, word } = useI18n();
  const segment = alert.customer.segment;
  return (
    <Panel
      title={segment === null ? t('alert.suggestedNone') : t('alert.suggested', { segment })}
      testId="suggested"
    >
      {segment !== null && <p className="muted">{word('segment', segment)}</p>}
      <ol className="items">
        {alert.suggestedActions.map((a) => (
          <li key={a.item} value={a.item} data-testid="suggested-item">
            {word('item', a.item)}
          </li>
        ))}
      </ol>
    </Panel>
  );
};

const SUMMARY_FIELDS = [
  'channel',
  'summary',
  'nextStep',
  'reason',
  'outcome',
  'reasonText',
  'until',
];

const summaryOf = (entry: HistoryEntry): string =>
  SUMMARY_FIELDS.flatMap((field) => {
    const value = entry.data[field];
    return typeof value === 'string' && value !== '' ? [value] : [];
  }).join(' · ');

export const History = ({ alert }: { readonly alert: AlertDetail }) => {
  const { t, instant } = useI18n();
  return (
    <Panel title={t('alert.history')} testId="history">
      <table className="history">
        <tbody>
          {alert.history.map((h) => (
            <tr key={h.revision} data-testid="history-entry" data-type={h.type}>
              <td className="when">{instant(h.occurredAt)}</td>
              <td>{h.type}</td>
              <td>{summaryOf(h)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
};

export const Notifications = ({ alert }: { readonly alert: AlertDetail }) => {
  const { t, word, instant } = useI18n();
  if (alert.notifications.length === 0) return null;
  return (
    <Panel title={t('alert.notifications')} testId="notifications">
      <ul className="notifications">
        {alert.notifications.map((n) => (
          <li key={n.notificationId}>
            <span className="when">{instant(n.requestedAt)}</span>{' '}
            {t('alert.notification', {
              purpose: word('purpose', n.purpose),
              recipient: n.recipientId,
              channels: n.channels.map((c) => word('channel', c)).join(', '),
            })}
            <ul>
              {n.attempts.map((a) => (
                <li key={a.attempt} className={a.outcome}>
                  {t('alert.attempt', {
                    n: a.attempt,
                    channel: word('channel', a.channel),
                    outcome: a.failure === null ? a.outcome : `${a.outcome} (${a.failure})`,
                  })}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Panel>
  );
};
