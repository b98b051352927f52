import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { tokenExpiry } from './token';

const EIGHT_HOURS = 8 * 60 * 60 * 1000;
/** How long before a token ends it is renewed (a manager's tablet stays signed in all evening). */
export const REFRESH_LEAD_MS = 15 * 60 * 1000;

export type SessionState<User> = {
  token?: string;
  user?: User;
  expiresAt?: number;
  /** Who was signed in when the token ran out: the PIN pad asks them first. */
  lastUser?: User;
  /** True when the session ended by itself (expiry), not by signing out. */
  ended: boolean;
  signIn(token: string, user: User): void;
  /** The token ran out (or was refused): back to sign-in, keeping whatever the app keeps. */
  expire(): void;
  signOut(): void;
};

/**
 * A session remembered on the device under `storageKey` (in localStorage, or where `storage` says:
 * the sysadmin panel keeps it in the tab's sessionStorage); `onToken` hears every change of token
 * (the API client's bearer), and a token already expired at start-up ends the session.
 */
export function createSessionStore<User>(storageKey: string, onToken: (token: string | undefined) => void, storage?: () => Storage) {
  const useSession = create<SessionState<User>>()(
    persist(
      (set, get) => ({
        ended: false,
        signIn: (token, user) => set({ token, user, expiresAt: tokenExpiry(token) ?? Date.now() + EIGHT_HOURS, lastUser: user, ended: false }),
        expire: () => {
          if (!get().token) return;
          set({ token: undefined, user: undefined, expiresAt: undefined, lastUser: get().user ?? get().lastUser, ended: true });
        },
        signOut: () => set({ token: undefined, user: undefined, expiresAt: undefined, ended: false }),
      }),
      {
        name: storageKey,
        ...(storage ? { storage: createJSONStorage(storage) } : {}),
        partialize: ({ token, user, expiresAt, lastUser, ended }) => ({ token, user, expiresAt, lastUser, ended }),
      },
    ),
  );
  const sync = (state: SessionState<User>) => {
    if (state.token && state.expiresAt !== undefined && state.expiresAt <= Date.now()) {
      state.expire();
      return;
    }
    onToken(state.token);
  };
  sync(useSession.getState());
  useSession.subscribe(sync);
  return useSession;
}

/** How long to wait before renewing a token that ends at `expiresAt` (0: now). */
export const msUntilRefresh = (expiresAt: number, now: number, leadMs = REFRESH_LEAD_MS) => Math.max(0, expiresAt - leadMs - now);

/** Whether `role` is at least `atLeast` in `ranking` (lowest first), e.g. ['waiter', 'manager', 'admin']. */
export const hasRole = <R extends string>(ranking: readonly R[], role: R, atLeast: R) => ranking.indexOf(role) >= ranking.indexOf(atLeast);
