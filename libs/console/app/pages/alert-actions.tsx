import { useState, type ReactNode } from 'react';
import * as alerting from '../api/alerting';
import type { AlertDetail } from '../api/alerting-types';
import { Panel } from '../components/panel';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { useStaff } from '../session/session';
import {
  ContactForm,
  ReasonForm,
  ReassignForm,
  ResolveForm,
  SnoozeForm,
} from './alert-action-forms';

type ActionName = 'acknowledge' | 'contact' | 'snooze' | 'escalate' | 'reassign' | 'resolve';

/** Which commands make sense now; the server (the alert's decider) has the last word. */
const actionsFor = (alert: AlertDetail): readonly ActionName[] =>
  alert.status !== 'open'
    ? []
    : [
        ...(alert.acknowledgedAt === null ? (['acknowledge'] as const) : []),
        'contact',
        ...(alert.acknowledgedAt !== null ? (['snooze'] as const) : []),
        ...(alert.level !== 'branch-head' ? (['escalate'] as const) : []),
        'reassign',
        'resolve',
      ];

const LABEL: Readonly<Record<ActionName, MessageKey>> = {
  acknowledge: 'action.acknowledge',
  contact: 'action.contact',
  snooze: 'action.snooze',
  escalate: 'action.escalate',
  reassign: 'action.reassign',
  resolve: 'action.resolve',
};

/** The buttons of the people who work alerts, and a small form for the commands that need one. */
export const AlertActions = ({
  alert,
  changed,
}: {
  readonly alert: AlertDetail;
  readonly changed: () => void;
}) => {
  const { t } = useI18n();
  const staff = useStaff();
  const [open, setOpen] = useState<ActionName | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  if (staff.role === 'auditor' || staff.role === 'operator')
    return (
      <Panel title={t('alert.actions')} testId="actions">
        <p className="muted">{t('form.readOnly')}</p>
      </Panel>
    );

  const run = async (name: ActionName, command: () => Promise<unknown>) => {
    setBusy(true);
    setMessage(null);
    try {
      await command();
      setOpen(null);
      setMessage({ ok: true, text: t('alert.done', { action: t(LABEL[name]) }) });
      changed();
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const id = alert.alertId;
  const forms: Readonly<Record<Exclude<ActionName, 'acknowledge'>, ReactNode>> = {
    contact: <ContactForm submit={(body) => run('contact', () => alerting.logContact(id, body))} />,
    snooze: (
      <SnoozeForm
        from={alert.sla?.dueAt ?? null}
        submit={(body) => run('snooze', () => alerting.snooze(id, body))}
      />
    ),
    escalate: (
      <ReasonForm submit={(reason) => run('escalate', () => alerting.escalate(id, { reason }))} />
    ),
    reassign: (
      <ReassignForm submit={(body) => run('reassign', () => alerting.reassign(id, body))} />
    ),
    resolve: <ResolveForm submit={(body) => run('resolve', () => alerting.resolve(id, body))} />,
  };

  return (
    <Panel title={t('alert.actions')} testId="actions">
      <div className="buttons">
        {actionsFor(alert).map((name) => (
          <button
            key={name}
            type="button"
            disabled={busy}
            className={open === name ? 'active' : undefined}
            data-testid={`action-${name}`}
            onClick={() =>
              name === 'acknowledge'
                ? void run(name, () => alerting.acknowledge(id))
                : setOpen(open === name ? null : name)
            }
          >
            {t(LABEL[name])}
          </button>
        ))}
      </div>
      {message && (
        <p
          className={`notice ${message.ok ? 'ok' : 'error'}`}
          role="status"
          data-testid="action-result"
        >
          {message.text}
        </p>
      )}
      {open !== null && open !== 'acknowledge' && <div className="action-form">{forms[open]}</div>}
    </Panel>
  );
};
