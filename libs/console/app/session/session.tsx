import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Staff } from '../api/alerting-types';
import { configureClient } from '../api/client';

/**
 * Who is signed in: the token and the staff member it was issued to, kept in sessionStorage
 * (gone with the tab; never in localStorage). A 401 from any call ends the session.
 */
const STORAGE_KEY = 'churn-console.session';

export interface SignedIn {
  readonly token: string;
  readonly staff: Staff;
}

interface SessionContextValue {
  readonly session: SignedIn | null;
  readonly signIn: (session: SignedIn) => void;
  readonly signOut: () => void;
}

const readStored = (): SignedIn | null => {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as SignedIn | null;
    return stored !== null && typeof stored.token === 'string' ? stored : null;
  } catch {
    return null;
  }
};

const SessionContext = createContext<SessionContextValue | null>(null);

export const SessionProvider = ({ children }: { readonly children: ReactNode }) => {
  const [session, setSession] = useState<SignedIn | null>(readStored);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(null);
  }, []);
  const signIn = useCallback((next: SignedIn) => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setSession(next);
  }, []);
  configureClient({ token: () => readStored()?.token ?? null, unauthorized: signOut });
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): SessionContextValue => {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
};

/** The signed-in staff member; only rendered below the login gate. */
export const useStaff = (): Staff => {
  const { session } = useSession();
  if (session === null) throw new Error('useStaff without a session');
  return session.staff;
};
