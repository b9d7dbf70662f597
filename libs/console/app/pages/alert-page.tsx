import { alertDetail } from '../api/alerting';
import type { AlertDetail } from '../api/alerting-types';
import { useResource } from '../api/use-resource';
import { Loadable } from '../components/loadable';
import { Fields, Panel } from '../components/panel';
import { Holder, Money, SlaBadge, Tag } from '../components/words';
import { useI18n } from '../i18n/i18n';
import { href } from '../router/hash-route';
import { AlertActions } from './alert-actions';
import { Evidence, History, Notifications, Reasons, SuggestedActions } from './alert-evidence';

/** One alert: who, why, what to offer, what to do, and everything that happened to it. */
export const AlertPage = ({ alertId }: { readonly alertId: string }) => {
  const [alert, reload] = useResource(() => alertDetail(alertId), [alertId]);
  return (
    <Loadable resource={alert} retry={reload}>
      {(a) => (
        <div className="alert-page" data-testid="alert-page" data-status={a.status}>
          <Summary alert={a} />
          <div className="columns">
            <div>
              <Reasons alert={a} />
              <SuggestedActions alert={a} />
              <Evidence alert={a} />
            </div>
            <div>
              <AlertActions alert={a} changed={reload} />
              <History alert={a} />
              <Notifications alert={a} />
            </div>
          </div>
        </div>
      )}
    </Loadable>
  );
};

const Summary = ({ alert: a }: { readonly alert: AlertDetail }) => {
  const { t, word, instant } = useI18n();
  const c = a.customer;
  return (
    <Panel
      title={t('alert.title', { customer: c.customerId })}
      testId="alert-summary"
      actions={
        <div className="links">
          <a href={href('customers', c.customerId)} data-testid="link-customer">
            {t('alert.customerPage')}
          </a>
          <a href={href('alerts', a.alertId, 'explanation')} data-testid="link-explanation">
            {t('alert.explanation')}
          </a>
        </div>
      }
    >
      <Fields
        rows={[
          [t('col.status'), <Tag key="s" kind="status" value={a.status} />],
          [t('col.severity'), <Tag key="v" kind="severity" value={a.severity} />],
          [t('field.tier'), <Tag key="t" kind="tier" value={a.tier} />],
          [t('field.aum'), <Money key="m" minor={c.aumMinor} testId="alert-aum" />],
          [t('field.segment'), c.segment ?? '—'],
          [t('col.level'), word('level', a.level)],
          [t('col.holder'), <Holder key="h" holder={a.holder} />],
          [t('field.rm'), c.relationshipManagerId ?? '—'],
          [t('col.raised'), instant(a.raisedAt)],
          [t('col.sla'), a.status === 'open' ? <SlaBadge key="sla" sla={a.sla} /> : '—'],
          ...(a.score === null
            ? []
            : [[t('field.risk'), t('alert.score', { score: a.score })] as const]),
        ]}
      />
      <p className="progress">
        {a.acknowledgedAt && (
          <span>{t('alert.acknowledged', { at: instant(a.acknowledgedAt) })}</span>
        )}
        {a.contactedAt && <span>{t('alert.contacted', { at: instant(a.contactedAt) })}</span>}
        {a.snoozedUntil && <span>{t('alert.snoozedUntil', { at: instant(a.snoozedUntil) })}</span>}
        {a.holderNote && <span>{t('alert.holderNote', { note: a.holderNote })}</span>}
      </p>
      {a.resolution && (
        <p className="notice ok" data-testid="resolution">
          {t('alert.resolution', {
            outcome: word('outcome', a.resolution.outcome),
            reason: word('reason', a.resolution.reason),
          })}
        </p>
      )}
    </Panel>
  );
};
