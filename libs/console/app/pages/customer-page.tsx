import { useMemo, useState } from 'react';
import type { CustomerStateAsOf, CustomerTimeline } from '../api/audit-types';
import * as audit from '../api/audit';
import { useResource } from '../api/use-resource';
import { MARKER_STYLE, timelineOption } from '../charts/timeline-option';
import { Chart } from '../components/chart';
import { Loadable } from '../components/loadable';
import { Panel } from '../components/panel';
import { Fields } from '../components/panel';
import { Money, Tag } from '../components/words';
import { useI18n } from '../i18n/i18n';
import { href, navigate } from '../router/hash-route';
import { ChangesOfDay, EventsOfDay, Rerun, StateAsOf } from './customer-panels';

/** `#/customers`: open a customer by id. */
export const CustomerLookupPage = () => {
  const { t } = useI18n();
  const [id, setId] = useState('');
  return (
    <Panel title={t('customer.lookup')}>
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (id !== '') navigate(href('customers', id));
        }}
      >
        <input value={id} placeholder="C000042" onChange={(e) => setId(e.target.value.trim())} />
        <button type="submit">{t('login.go')}</button>
      </form>
    </Panel>
  );
};

/**
 * One customer over time: end-of-day AUM with what happened (payroll, maturities, complaints,
 * risk changes, alerts, contacts), and the customer as the bank saw them at the end of any day.
 * The day lives in the URL (`?date=`), so a link can point at a moment in a customer's history.
 */
export const CustomerPage = ({
  customerId,
  date,
}: {
  readonly customerId: string;
  readonly date: string | null;
}) => {
  const { t } = useI18n();
  const [now] = useResource(() => audit.customerNow(customerId), [customerId]);
  const [timeline] = useResource(() => audit.customerTimeline(customerId), [customerId]);
  const lastDate = timeline.status === 'ready' ? (timeline.data.series.at(-1)?.date ?? null) : null;
  const day = date ?? lastDate;
  const pick = (next: string) => navigate(`${href('customers', customerId)}?date=${next}`);

  return (
    <div className="customer-page" data-testid="customer-page">
      <h1>{t('customer.title', { id: customerId })}</h1>
      <Panel title={t('customer.timeline')} testId="timeline">
        <Loadable resource={timeline}>
          {(data) => <Timeline timeline={data} selected={day} pick={pick} />}
        </Loadable>
      </Panel>
      <div className="columns">
        <Panel
          title={t('customer.asOf')}
          testId="as-of"
          actions={
            <input
              type="date"
              data-testid="as-of-date"
              value={day ?? ''}
              max={lastDate ?? undefined}
              onChange={(e) => e.target.value !== '' && pick(e.target.value)}
            />
          }
        >
          <p className="muted">{t('customer.asOfHint')}</p>
          {day !== null && <StateAsOf customerId={customerId} date={day} />}
        </Panel>
        <div>
          <Panel title={t('customer.now')} testId="now">
            <Loadable resource={now}>{(data) => <NowCard now={data} />}</Loadable>
          </Panel>
          {day !== null && <ChangesOfDay customerId={customerId} date={day} />}
          {day !== null && <EventsOfDay customerId={customerId} date={day} />}
          <Rerun customerId={customerId} />
        </div>
      </div>
    </div>
  );
};

const Timeline = ({
  timeline,
  selected,
  pick,
}: {
  readonly timeline: CustomerTimeline;
  readonly selected: string | null;
  readonly pick: (date: string) => void;
}) => {
  const { t, word } = useI18n();
  const option = useMemo(
    () =>
      timelineOption(timeline, { aum: t('field.aum'), kind: (k) => word('marker', k) }, selected),
    [timeline, selected, t, word],
  );
  const dates = useMemo(() => timeline.series.map((p) => p.date), [timeline]);
  return (
    <>
      <Chart
        option={option}
        height={360}
        testId="aum-chart"
        onClick={(c) => {
          const date = c.data?.date ?? dates[c.dataIndex] ?? null;
          if (date !== null) pick(date);
        }}
      />
      <ul className="marker-legend">
        {Object.entries(MARKER_STYLE).map(([kind, style]) => (
          <li key={kind} style={{ color: style.color }}>
            {word('marker', kind)}: {timeline.markers.filter((m) => m.kind === kind).length}
          </li>
        ))}
      </ul>
    </>
  );
};

/** The customer after their latest fact (GET /audit/customers/:id/state, no `at`). */
const NowCard = ({ now }: { readonly now: CustomerStateAsOf }) => {
  const { t, word } = useI18n();
  return (
    <Fields
      rows={[
        [t('field.tier'), <Tag key="t" kind="tier" value={now.tier} />],
        [t('field.aum'), <Money key="a" minor={now.aumMinor} />],
        [t('field.segment'), now.segment === null ? '—' : word('segment', now.segment)],
        [
          t('field.lifecycle'),
          now.lifecycleStage === null ? '—' : word('lifecycle', now.lifecycleStage),
        ],
        [t('field.rm'), now.relationshipManager?.rmId ?? '—'],
        [t('field.payroll'), now.payroll.map((p) => p.employerId).join(', ') || '—'],
        [t('field.lastActivity'), now.activity?.lastOn ?? '—'],
        [t('field.complaints'), now.complaints.count],
        [t('field.facts'), now.factsFolded],
      ]}
    />
  );
};
