import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { setAuthToken } from '../../shared/api/client';
import type { User } from './api';
import { tokenExpiry } from './token';

type SessionState = {
  token?: string;
  user?: User;
  expiresAt?: number;
  /** Who was signed in when the token ran out: the PIN pad asks them first. */
  lastUser?: User;
  /** True when the session ended by itself (expiry), not by signing out. */
  ended: boolean;
  signIn(token: string, user: User): void;
  /** The token ran out (or was refused): back to the PIN pad, keeping everything queued. */
  expire(): void;
  signOut(): void;
};

const EIGHT_HOURS = 8 * 60 * 60 * 1000;

export const useSession = create<SessionState>()(
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
      name: 'tavli.session',
      partialize: ({ token, user, expiresAt, lastUser, ended }) => ({ token, user, expiresAt, lastUser, ended }),
    },
  ),
);

const sync = (state: SessionState) => {
  if (state.token && state.expiresAt !== undefined && state.expiresAt <= Date.now()) {
    state.expire();
    return;
  }
  setAuthToken(state.token);
};
sync(useSession.getState());
useSession.subscribe(sync);

export const currentUserId = () => useSession.getState().user?.id;
