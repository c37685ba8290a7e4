import type { SessionUser } from '@fupin/contracts';
import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { SessionSnapshot, SessionStore } from './session-store';

const SessionContext = createContext<SessionStore | null>(null);

/** Makes the session available to every page and exchanges a kept refresh token on start. */
export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  useEffect(() => {
    void store.restore();
  }, [store]);
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
}

export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSessionStore needs a <SessionProvider> above it');
  return store;
}

/** The session's current state; re-renders when someone signs in or out. */
export function useSession(): SessionSnapshot {
  const store = useSessionStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/** The signed-in user; only for pages behind {@link RequireSession}. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser is for pages behind <RequireSession>');
  return user;
}
