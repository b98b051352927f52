import { onApiNotice } from '../shared/api/client';
import { useSession } from '../features/session/store';
import { setLicense, setOnline, setReachable, useStatus } from '../features/status/store';

/** Wires the connection notices, before the first render. */
export function bootstrap(): void {
  onApiNotice((notice) => {
    if (notice.type === 'reachable') setReachable(true);
    else if (notice.type === 'unreachable') setReachable(false);
    else if (notice.type === 'unauthorized') useSession.getState().expire();
    else if (notice.type === 'license') {
      const locked = notice.status === 423;
      const current = useStatus.getState().license;
      if (current?.kind !== (locked ? 'locked' : 'expired')) {
        setLicense({ kind: locked ? 'locked' : 'expired', ...(notice.lockReason ? { reason: notice.lockReason } : {}) });
      }
    }
  });
  window.addEventListener('online', () => setOnline(true));
  window.addEventListener('offline', () => setOnline(false));
}
