import { useState, type FormEvent } from 'react';
import { demoLogin, me } from '../api/alerting';
import type { StaffRole } from '../api/alerting-types';
import { ApiError, RouteNotServed } from '../api/client';
import { DEMO_STAFF, STAFF_ROLES } from '../api/vocabulary';
import { LanguageSwitch } from '../components/layout';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';

/**
 * Sign-in. On the demo branch every member of staff is one click away (POST /auth/demo-login);
 * where demo logins are off, a token from the bank's identity provider is pasted instead.
 */
export const LoginPage = () => {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const [noDemo, setNoDemo] = useState(false);
  const [staffId, setStaffId] = useState('');
  const [token, setToken] = useState('');

  const loginAs = async (id: string) => {
    setFailure(null);
    try {
      const { accessToken, staff } = await demoLogin(id);
      signIn({ token: accessToken, staff });
    } catch (error) {
      if (error instanceof RouteNotServed) setNoDemo(true);
      else setFailure(t('login.failed', { message: (error as Error).message }));
    }
  };

  const useToken = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      const staff = await me(token);
      signIn({ token, staff });
    } catch (error) {
      setFailure(
        t('login.failed', { message: error instanceof ApiError ? error.message : String(error) }),
      );
    }
  };

  return (
    <div className="login">
      <header className="login-head">
        <h1>{t('app.title')}</h1>
        <LanguageSwitch />
      </header>
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      {noDemo ? (
        <form onSubmit={useToken} className="card">
          <p>{t('login.noDemo')}</p>
          <label>
            {t('login.token')}
            <textarea value={token} onChange={(e) => setToken(e.target.value.trim())} rows={3} />
          </label>
          <button type="submit" disabled={token === ''}>
            {t('login.go')}
          </button>
        </form>
      ) : (
        <div className="card">
          <p>{t('login.demo')}</p>
          {STAFF_ROLES.map((role: StaffRole) => (
            <section key={role} className="demo-role" data-testid={`demo-role-${role}`}>
              <h3>{t(`role.${role}` as MessageKey)}</h3>
              <div className="demo-staff">
                {DEMO_STAFF[role].map((id) => (
                  <button
                    key={id}
                    type="button"
                    data-testid={`login-${id}`}
                    onClick={() => void loginAs(id)}
                  >
                    {id}
                  </button>
                ))}
              </div>
            </section>
          ))}
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              void loginAs(staffId);
            }}
          >
            <label>
              {t('login.staffId')}{' '}
              <input value={staffId} onChange={(e) => setStaffId(e.target.value.trim())} />
            </label>
            <button type="submit" disabled={staffId === ''}>
              {t('login.go')}
            </button>
          </form>
        </div>
      )}
    </div>
  );
};
