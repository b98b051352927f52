import { useEffect } from 'react';
import { msUntilRefresh } from '@tavli/session/session';
import { refresh } from './api';
import { useSession } from './store';

const RETRY_MS = 60_000;

/** Renews the token before its 8 hours end, so a tablet left open all evening stays signed in. */
export function useTokenRefresh(expiresAt: number | undefined): void {
  useEffect(() => {
    if (expiresAt === undefined) return;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = (ms: number) => {
      timer = setTimeout(() => void renew(), Math.min(ms, 2 ** 31 - 1));
    };
    const renew = async () => {
      const result = await refresh();
      if (result.ok) useSession.getState().signIn(result.data.token, result.data.user);
      else if (Date.now() >= expiresAt) useSession.getState().expire();
      else schedule(RETRY_MS);
    };
    schedule(msUntilRefresh(expiresAt, Date.now()));
    return () => clearTimeout(timer);
  }, [expiresAt]);
}
