import { useState, type FormEvent } from 'react';
import type * as alerting from '../api/alerting';
import { ALERT_OUTCOMES, CONTACT_CHANNELS, OUTCOME_REASONS } from '../api/vocabulary';
import { bankLocalToInstant, instantToBankLocal } from '../format/dates';
import { useI18n } from '../i18n/i18n';

/** The small forms of the commands that need more than a click (alert-actions.tsx). */
const Submit = () => {
  const { t } = useI18n();
  return (
    <button type="submit" data-testid="submit">
      {t('common.submit')}
    </button>
  );
};

const onSubmit = (submit: () => void) => (event: FormEvent) => {
  event.preventDefault();
  submit();
};

export const ContactForm = ({
  submit,
}: {
  readonly submit: (body: Parameters<typeof alerting.logContact>[1]) => void;
}) => {
  const { t, word } = useI18n();
  const [channel, setChannel] = useState<string>('phone');
  const [summary, setSummary] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [due, setDue] = useState('');
  return (
    <form
      data-testid="form-contact"
      onSubmit={onSubmit(() =>
        submit({
          channel,
          summary,
          nextStep,
          ...(due === '' ? {} : { nextStepDueAt: bankLocalToInstant(due) }),
        }),
      )}
    >
      <label>
        {t('form.channel')}
        <select name="channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
          {CONTACT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {word('channel', c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('form.summary')}
        <textarea
          name="summary"
          required
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
        />
      </label>
      <label>
        {t('form.nextStep')}
        <input
          name="nextStep"
          required
          value={nextStep}
          onChange={(e) => setNextStep(e.target.value)}
        />
      </label>
      <label>
        {t('form.nextStepDueAt')}
        <input
          name="nextStepDueAt"
          type="datetime-local"
          value={due}
          onChange={(e) => setDue(e.target.value)}
        />
      </label>
      <Submit />
    </form>
  );
};

export const SnoozeForm = ({
  from,
  submit,
}: {
  readonly from: string | null;
  readonly submit: (body: { until: string; reason: string }) => void;
}) => {
  const { t } = useI18n();
  const [until, setUntil] = useState(() =>
    instantToBankLocal(from === null ? Date.now() + 86_400_000 : Date.parse(from)),
  );
  const [reason, setReason] = useState('');
  return (
    <form
      data-testid="form-snooze"
      onSubmit={onSubmit(() => submit({ until: bankLocalToInstant(until), reason }))}
    >
      <label>
        {t('form.until')}
        <input
          name="until"
          type="datetime-local"
          required
          value={until}
          onChange={(e) => setUntil(e.target.value)}
        />
      </label>
      <label>
        {t('form.reason')}
        <input name="reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <Submit />
    </form>
  );
};

export const ReasonForm = ({ submit }: { readonly submit: (reason: string) => void }) => {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <form data-testid="form-escalate" onSubmit={onSubmit(() => submit(reason))}>
      <label>
        {t('form.reason')}
        <input name="reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <Submit />
    </form>
  );
};

export const ReassignForm = ({
  submit,
}: {
  readonly submit: (body: { toStaffId: string; reason: string }) => void;
}) => {
  const { t } = useI18n();
  const [toStaffId, setTo] = useState('');
  const [reason, setReason] = useState('');
  return (
    <form data-testid="form-reassign" onSubmit={onSubmit(() => submit({ toStaffId, reason }))}>
      <label>
        {t('form.toStaffId')}
        <input
          name="toStaffId"
          required
          value={toStaffId}
          onChange={(e) => setTo(e.target.value.trim())}
        />
      </label>
      <label>
        {t('form.reason')}
        <input name="reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <Submit />
    </form>
  );
};

export const ResolveForm = ({
  submit,
}: {
  readonly submit: (body: { outcome: string; reason: string; reasonText?: string }) => void;
}) => {
  const { t, word } = useI18n();
  const [outcome, setOutcome] = useState<string>('retained');
  const [reason, setReason] = useState<string>('rate');
  const [reasonText, setReasonText] = useState('');
  return (
    <form
      data-testid="form-resolve"
      onSubmit={onSubmit(() =>
        submit({ outcome, reason, ...(reasonText === '' ? {} : { reasonText }) }),
      )}
    >
      <label>
        {t('form.outcome')}
        <select name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          {ALERT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {word('outcome', o)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('form.reason')}
        <select name="reason" value={reason} onChange={(e) => setReason(e.target.value)}>
          {OUTCOME_REASONS.map((r) => (
            <option key={r} value={r}>
              {word('reason', r)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('form.reasonText')}
        <textarea
          name="reasonText"
          required={reason === 'other'}
          value={reasonText}
          onChange={(e) => setReasonText(e.target.value)}
        />
      </label>
      <Submit />
    </form>
  );
};
