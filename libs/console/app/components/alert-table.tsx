import type { AlertItem } from '../api/alerting-types';
import { useI18n } from '../i18n/i18n';
import { href } from '../router/hash-route';
import { Holder, Money, SlaBadge, Tag } from './words';

/** Alerts as a worklist: most urgent first (the server's order: risk × value, then age). */
export const AlertTable = ({ alerts }: { readonly alerts: readonly AlertItem[] }) => {
  const { t, word, instant } = useI18n();
  return (
    <table className="alerts" data-testid="alert-table">
      <thead>
        <tr>
          <th>{t('col.customer')}</th>
          <th>{t('col.tier')}</th>
          <th className="num">{t('col.aum')}</th>
          <th>{t('col.severity')}</th>
          <th>{t('col.signals')}</th>
          <th>{t('col.level')}</th>
          <th>{t('col.holder')}</th>
          <th>{t('col.sla')}</th>
          <th>{t('col.raised')}</th>
        </tr>
      </thead>
      <tbody>
        {alerts.map((a) => (
          <tr key={a.alertId} data-testid="alert-row" data-alert-id={a.alertId}>
            <td>
              <a href={href('alerts', a.alertId)}>{a.customer.customerId}</a>
              {a.status === 'resolved' && (
                <>
                  {' '}
                  <Tag kind="status" value="resolved" />
                </>
              )}
            </td>
            <td>
              <Tag kind="tier" value={a.tier} />
            </td>
            <td className="num">
              <Money minor={a.customer.aumMinor} />
            </td>
            <td>
              <Tag kind="severity" value={a.severity} />
            </td>
            <td className="signals">{a.signals.map((s) => word('signal', s.code)).join('、')}</td>
            <td>{word('level', a.level)}</td>
            <td>
              <Holder holder={a.holder} />
            </td>
            <td>{a.status === 'open' ? <SlaBadge sla={a.sla} /> : '—'}</td>
            <td className="when">{instant(a.raisedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
