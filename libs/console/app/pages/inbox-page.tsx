import { useEffect, useState } from 'react';
import { listAlerts, listEscalations, type AlertFilter } from '../api/alerting';
import type { AlertItem, Page } from '../api/alerting-types';
import { useResource } from '../api/use-resource';
import { ALERT_SEVERITIES, INBOX_STATUSES, TIERS } from '../api/vocabulary';
import { AlertTable } from '../components/alert-table';
import { Loadable } from '../components/loadable';
import { Panel } from '../components/panel';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { useStaff } from '../session/session';

const PAGE = 50;
/** SLA countdowns move: the list is asked again every half minute while it is open. */
const REFRESH_MS = 30_000;

/** A worklist of alerts: the inbox (`/alerts`) or the escalations (`/escalations`). */
const AlertList = ({
  source,
  title,
  empty,
  testId,
}: {
  readonly source: (filter: AlertFilter) => Promise<Page<AlertItem>>;
  readonly title: string;
  readonly empty: string;
  readonly testId: string;
}) => {
  const { t, word } = useI18n();
  const [filter, setFilter] = useState<AlertFilter>({ status: 'open' });
  const [more, setMore] = useState<readonly AlertItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [page, reload] = useResource(() => source({ ...filter, limit: PAGE }), [filter]);
  useEffect(() => {
    setMore([]);
    setCursor(page.status === 'ready' ? page.data.nextCursor : null);
  }, [page]);
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const loadMore = async () => {
    if (cursor === null) return;
    const next = await source({ ...filter, limit: PAGE, cursor });
    setMore((items) => [...items, ...next.items]);
    setCursor(next.nextCursor);
  };

  const select = (
    name: keyof AlertFilter,
    options: readonly string[],
    label: MessageKey,
    kind: string,
  ) => (
    <label>
      {t(label)}{' '}
      <select
        value={(filter[name] as string | undefined) ?? ''}
        data-testid={`filter-${name}`}
        onChange={(e) => setFilter({ ...filter, [name]: e.target.value || undefined })}
      >
        {name !== 'status' && <option value="">{t('inbox.any')}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {word(kind, o)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <Panel
      title={title}
      testId={testId}
      actions={
        <div className="filters">
          {select('status', INBOX_STATUSES, 'inbox.status', 'inbox.status')}
          {select('severity', ALERT_SEVERITIES, 'inbox.severity', 'severity')}
          {select('tier', TIERS, 'inbox.tier', 'tier')}
        </div>
      }
    >
      <Loadable resource={page} retry={reload}>
        {(data) =>
          data.total === 0 ? (
            <p className="empty" data-testid="empty">
              {empty}
            </p>
          ) : (
            <>
              <p className="count" data-testid="total">
                {t('common.total', { n: data.total })}
              </p>
              <AlertTable alerts={[...data.items, ...more]} />
              {cursor !== null && (
                <button type="button" onClick={() => void loadMore()}>
                  {t('common.more')}
                </button>
              )}
            </>
          )
        }
      </Loadable>
    </Panel>
  );
};

export const InboxPage = () => {
  const { t } = useI18n();
  const staff = useStaff();
  return (
    <AlertList
      source={listAlerts}
      title={t(staff.role === 'rm' ? 'inbox.title' : 'inbox.titleScope')}
      empty={t('inbox.empty')}
      testId="inbox"
    />
  );
};

export const EscalationsPage = () => {
  const { t } = useI18n();
  return (
    <AlertList
      source={listEscalations}
      title={t('escalations.title')}
      empty={t('escalations.empty')}
      testId="escalations"
    />
  );
};
