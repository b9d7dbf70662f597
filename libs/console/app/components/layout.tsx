import type { ReactNode } from 'react';
import type { StaffRole } from '../api/alerting-types';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { useSession, useStaff } from '../session/session';

/** The pages each role works with, first one = where they land after signing in. */
export const NAV: Readonly<Record<StaffRole, readonly (readonly [string, MessageKey])[]>> = {
  rm: [
    ['inbox', 'nav.inbox'],
    ['customers', 'nav.customers'],
  ],
  supervisor: [
    ['escalations', 'nav.escalations'],
    ['inbox', 'nav.alerts'],
    ['team-sla', 'nav.teamSla'],
    ['analytics', 'nav.analytics'],
    ['customers', 'nav.customers'],
  ],
  'branch-head': [
    ['analytics', 'nav.analytics'],
    ['escalations', 'nav.escalations'],
    ['inbox', 'nav.alerts'],
    ['team-sla', 'nav.teamSla'],
    ['customers', 'nav.customers'],
  ],
  auditor: [
    ['inbox', 'nav.alerts'],
    ['customers', 'nav.customers'],
    ['analytics', 'nav.analytics'],
    ['team-sla', 'nav.teamSla'],
  ],
  operator: [['ops', 'nav.ops']],
};

export const homeOf = (role: StaffRole): string => NAV[role][0]?.[0] ?? 'inbox';

export const LanguageSwitch = () => {
  const { locale, setLocale, t } = useI18n();
  return (
    <button
      type="button"
      className="lang"
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('lang.switch')}
    </button>
  );
};

export const Layout = ({
  current,
  children,
}: {
  readonly current: string;
  readonly children: ReactNode;
}) => {
  const { t } = useI18n();
  const staff = useStaff();
  const { signOut } = useSession();
  return (
    <div className="shell">
      <header className="top">
        <span className="brand">{t('app.title')}</span>
        <nav>
          {NAV[staff.role].map(([page, label]) => (
            <a
              key={page}
              href={`#/${page}`}
              className={current === page ? 'active' : undefined}
              data-testid={`nav-${page}`}
            >
              {t(label)}
            </a>
          ))}
        </nav>
        <span className="who" data-testid="who">
          {staff.name} · {t(`role.${staff.role}` as MessageKey)} · {staff.staffId}
        </span>
        <LanguageSwitch />
        <button type="button" onClick={signOut}>
          {t('logout')}
        </button>
      </header>
      <main>{children}</main>
    </div>
  );
};
