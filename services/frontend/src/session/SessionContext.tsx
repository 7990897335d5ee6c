// Who is shopping: a user id held by the gateway's Redis session, mirrored locally for instant rendering.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { endSession, getSession, startSession } from '../api/endpoints';

const STORAGE_KEY = 'sre-lab.user';

interface SessionValue {
  userId: string | null;
  signIn(userId: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [userId, setUserId] = useState<string | null>(() => localStorage.getItem(STORAGE_KEY));

  useEffect(() => {
    // The server session wins when it exists; a missing one (401/404) keeps the local id.
    getSession()
      .then((s) => s?.userId && setUserId(s.userId))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    if (userId) localStorage.setItem(STORAGE_KEY, userId);
    else localStorage.removeItem(STORAGE_KEY);
  }, [userId]);

  const signIn = useCallback(async (id: string) => {
    setUserId(id);
    await startSession(id).catch(() => undefined); // the local id still works when sessions are unavailable
  }, []);
  const signOut = useCallback(async () => {
    setUserId(null);
    await endSession().catch(() => undefined);
  }, []);

  const value = useMemo(() => ({ userId, signIn, signOut }), [userId, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
