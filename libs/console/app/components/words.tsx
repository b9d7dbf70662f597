import { formatCny } from '../format/money';
import { countdownOf, urgencyOf } from '../format/sla';
import type { SlaCountdown } from '../api/alerting-types';
import { useI18n } from '../i18n/i18n';

export const Money = ({ minor, testId }: { readonly minor: number; readonly testId?: string }) => (
  <span className="money" data-testid={testId}>
    {formatCny(minor)}
  </span>
);

/** A word of a vocabulary as a coloured tag: `<Tag kind="severity" value="critical" />`. */
export const Tag = ({ kind, value }: { readonly kind: string; readonly value: string }) => {
  const { word } = useI18n();
  return <span className={`tag ${kind}-${value}`}>{word(kind, value)}</span>;
};

/** The next SLA clock: business time left (or overdue), and when it runs out in bank time. */
export const SlaBadge = ({ sla }: { readonly sla: SlaCountdown | null }) => {
  const { t, word, instant } = useI18n();
  if (sla === null) return <span className="sla none">{t('sla.none')}</span>;
  const { hours, minutes, overdue } = countdownOf(sla.businessMinutesLeft);
  const [level = '', kind = ''] = sla.rule.split('/');
  return (
    <span
      className={`sla ${urgencyOf(sla.businessMinutesLeft)}`}
      title={`${t('sla.due', { at: instant(sla.dueAt) })} (${t('sla.business')})`}
      data-testid="sla"
    >
      <span className="sla-rule">
        {word('level', level)} · {word('slaKind', kind)}
      </span>{' '}
      {t(overdue ? 'sla.overdue' : 'sla.left', { h: hours, m: minutes })}
    </span>
  );
};

/** Who holds an alert: a person, or a team's shared queue. */
export const Holder = ({
  holder,
}: {
  readonly holder: { kind: 'staff'; staffId: string } | { kind: 'team-queue'; teamId: string };
}) => <span>{holder.kind === 'staff' ? holder.staffId : `${holder.teamId} ⟲`}</span>;
