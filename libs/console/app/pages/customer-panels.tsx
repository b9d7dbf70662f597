import { useState } from 'react';
import * as audit from '../api/audit';
import type { CustomerStateAsOf, RerunReport } from '../api/audit-types';
import { RouteNotServed } from '../api/client';
import { useResource } from '../api/use-resource';
import { Loadable, NotAvailable } from '../components/loadable';
import { Fields, Panel } from '../components/panel';
import { Money, Tag } from '../components/words';
import { bankDateOf, endOfBankDate, startOfBankDate } from '../format/dates';
import { formatCny } from '../format/money';
import { useI18n } from '../i18n/i18n';

/** The customer as the bank saw them at the end of `date` (GET /audit/customers/:id/state). */
export const StateAsOf = ({
  customerId,
  date,
}: {
  readonly customerId: string;
  readonly date: string;
}) => {
  const [state] = useResource(
    () => audit.customerStateAt(customerId, endOfBankDate(date)),
    [customerId, date],
  );
  return <Loadable resource={state}>{(s) => <StateCard state={s} />}</Loadable>;
};

const StateCard = ({ state: s }: { readonly state: CustomerStateAsOf }) => {
  const { t, word } = useI18n();
  const payroll = s.payroll
    .map((p) =>
      p.lastCredit === null
        ? p.employerId
        : `${p.employerId}: ${formatCny(p.lastCredit.amountMinor)} (${p.lastCredit.date})`,
    )
    .join('; ');
  const holdings = s.holdings
    .filter((h) => h.status === 'held' || h.status === 'open' || h.maturesOn !== null)
    .map(
      (h) =>
        `${h.kind} ${formatCny(h.principalMinor)}${h.maturesOn ? ` → ${h.maturesOn}` : ''} (${h.status})`,
    )
    .join('; ');
  return (
    <div data-testid="state-as-of">
      <Fields
        rows={[
          [t('field.tier'), <Tag key="t" kind="tier" value={s.tier} />],
          [t('field.aum'), <Money key="a" minor={s.aumMinor} testId="state-aum" />],
          [t('field.segment'), s.segment === null ? '—' : word('segment', s.segment)],
          [
            t('field.lifecycle'),
            s.lifecycleStage === null ? '—' : word('lifecycle', s.lifecycleStage),
          ],
          [t('field.rm'), s.relationshipManager?.rmId ?? '—'],
          [t('field.payroll'), payroll || '—'],
          [t('field.holdings'), holdings || '—'],
          [t('field.complaints'), s.complaints.count],
          [
            t('field.nps'),
            s.latestNps === null ? '—' : `${s.latestNps.score} (${s.latestNps.npsClass})`,
          ],
          [t('field.lastActivity'), s.activity?.lastOn ?? '—'],
          [t('field.lastContact'), s.contacts?.lastOn ?? '—'],
          [
            t('field.risk'),
            s.risk === null
              ? '—'
              : `${s.risk.status} · ${s.risk.band} · ${t('alert.score', { score: s.risk.score })} (${s.risk.assessedOn}): ${s.risk.signals.map((x) => word('signal', x.code)).join('、')}`,
          ],
          [t('field.facts'), s.eventsFolded],
          [t('field.asOf'), s.lastOccurredAt ? bankDateOf(s.lastOccurredAt) : '—'],
        ]}
      />
    </div>
  );
};

/** What changed in the folded state during `date` (GET /audit/customers/:id/diff). */
export const ChangesOfDay = ({
  customerId,
  date,
}: {
  readonly customerId: string;
  readonly date: string;
}) => {
  const { t } = useI18n();
  const [diff] = useResource(
    () => audit.customerDiff(customerId, startOfBankDate(date), endOfBankDate(date)),
    [customerId, date],
  );
  return (
    <Panel title={t('customer.changes', { date })} testId="changes-of-day">
      <Loadable resource={diff}>
        {(d) =>
          d.changes.length === 0 ? (
            <p className="muted">{t('customer.noChanges')}</p>
          ) : (
            <table className="history">
              <tbody>
                {d.changes.map((c) => (
                  <tr key={c.path}>
                    <td>
                      <code>{c.path}</code>
                    </td>
                    <td className="json">{JSON.stringify(c.from)}</td>
                    <td>→</td>
                    <td className="json">{JSON.stringify(c.to)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loadable>
    </Panel>
  );
};

/** The events booked on `date` (GET /audit/customers/:id/events with a one-day window). */
export const EventsOfDay = ({
  customerId,
  date,
}: {
  readonly customerId: string;
  readonly date: string;
}) => {
  const { t, instant } = useI18n();
  const [events] = useResource(
    () => audit.customerEvents(customerId, { from: date, to: date, limit: 100, include: 'alerts' }),
    [customerId, date],
  );
  return (
    <Panel title={t('customer.events', { date })} testId="events-of-day">
      <Loadable resource={events}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('customer.noEvents')}</p>
          ) : (
            <table className="history">
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.eventId}>
                    <td className="when">{instant(e.occurredAt)}</td>
                    <td>{e.type}</td>
                    <td className="json">{JSON.stringify(e.data)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loadable>
    </Panel>
  );
};

/** Replays the risk engine over the customer's history on demand: same events as stored? */
export const Rerun = ({ customerId }: { readonly customerId: string }) => {
  const { t } = useI18n();
  const [state, setState] = useState<
    | { status: 'idle' | 'running' }
    | { status: 'done'; report: RerunReport }
    | { status: 'unavailable'; path: string }
    | { status: 'failed'; message: string }
  >({ status: 'idle' });
  const run = async () => {
    setState({ status: 'running' });
    try {
      setState({ status: 'done', report: await audit.customerRerun(customerId) });
    } catch (error) {
      setState(
        error instanceof RouteNotServed
          ? { status: 'unavailable', path: error.path }
          : { status: 'failed', message: (error as Error).message },
      );
    }
  };
  return (
    <Panel
      title={t('customer.rerun')}
      testId="rerun"
      actions={
        <button type="button" disabled={state.status === 'running'} onClick={() => void run()}>
          {t('customer.rerunGo')}
        </button>
      }
    >
      {state.status === 'unavailable' && <NotAvailable path={state.path} />}
      {state.status === 'failed' && <p className="notice error">{state.message}</p>}
      {state.status === 'done' && (
        <p
          className={`notice ${state.report.reproduced ? 'ok' : 'error'}`}
          data-testid="rerun-result"
        >
          {state.report.reproduced
            ? t('customer.rerunMatches', {
                n: state.report.recorded.length,
                policy: state.report.policy.version,
              })
            : t('customer.rerunDiffers', { n: state.report.differences.length })}
        </p>
      )}
    </Panel>
  );
};
