import { useState, type FormEvent } from 'react';
import type * as alerting from '../api/alerting';
import { ALERT_OUTCOMES, CONTACT_CHANNELS, OUTCOME_REASONS } from '../api/vocabulary';
import { bankLocalToInstant, instantToBankLocal } from '../format/dates';
import type { MessageKey } from '../i18n/en';
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

/** One labelled text entry of a form; `lines` makes it a text area. */
const TextField = ({
  label,
  name,
  value,
  set,
  type,
  required = true,
  lines = false,
}: {
  readonly label: MessageKey;
  readonly name: string;
  readonly value: string;
  readonly set: (value: string) => void;
  readonly type?: 'datetime-local';
  readonly required?: boolean;
  readonly lines?: boolean;
}) => {
  const { t } = useI18n();
  const props = { name, required, value };
  return (
    <label>
      {t(label)}
      {lines ? (
        <textarea {...props} onChange={(e) => set(e.target.value)} />
      ) : (
        <input {...props} type={type} onChange={(e) => set(e.target.value)} />
      )}
    </label>
  );
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
      <TextField label="form.summary" name="summary" value={summary} set={setSummary} lines />
      <TextField label="form.nextStep" name="nextStep" value={nextStep} set={setNextStep} />
      <TextField
        label="form.nextStepDueAt"
        name="nextStepDueAt"
        type="datetime-local"
        required={false}
        value={due}
        set={setDue}
      />
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
  const [until, setUntil] = useState(() =>
    instantToBankLocal(from === null ? Date.now() + 86_400_000 : Date.parse(from)),
  );
  const [reason, setReason] = useState('');
  return (
    <form
      data-testid="form-snooze"
      onSubmit={onSubmit(() => submit({ until: bankLocalToInstant(until), reason }))}
    >
      <TextField
        label="form.until"
        name="until"
        type="datetime-local"
        value={until}
        set={setUntil}
      />
      <TextField label="form.reason" name="reason" value={reason} set={setReason} />
      <Submit />
    </form>
  );
};

export const ReasonForm = ({ submit }: { readonly submit: (reason: string) => void }) => {
  const [reason, setReason] = useState('');
  return (
    <form data-testid="form-escalate" onSubmit={onSubmit(() => submit(reason))}>
      <TextField label="form.reason" name="reason" value={reason} set={setReason} />
      <Submit />
    </form>
  );
};

export const ReassignForm = ({
  submit,
}: {
  readonly submit: (body: { toStaffId: string; reason: string }) => void;
}) => {
  const [toStaffId, setTo] = useState('');
  const [reason, setReason] = useState('');
  return (
    <form data-testid="form-reassign" onSubmit={onSubmit(() => submit({ toStaffId, reason }))}>
      <TextField
        label="form.toStaffId"
        name="toStaffId"
        value={toStaffId}
        set={(to) => setTo(to.trim())}
      />
      <TextField label="form.reason" name="reason" value={reason} set={setReason} />
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
      <TextField
        label="form.reasonText"
        name="reasonText"
        required={reason === 'other'}
        value={reasonText}
        set={setReasonText}
        lines
      />
      <Submit />
    </form>
  );
};
