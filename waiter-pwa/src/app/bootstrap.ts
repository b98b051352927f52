import { onApiNotice } from '../shared/api/client';
import { sendCommand } from '../features/outbox/api';
import { openOutboxDb } from '../features/outbox/db';
import { createOutbox } from '../features/outbox/outbox';
import { attachOutbox, outbox, useOutbox } from '../features/outbox/store';
import { startReplayTriggers } from '../features/outbox/triggers';
import { currentUserId, useSession } from '../features/session/store';
import { setLicense, setOnline, setReachable, useStatus } from '../features/status/store';

/** Runs `work` holding a lock shared by every tab of the app, so two tabs never replay at once. */
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // request() resolves with what the callback's promise resolves to (lib.dom types it one level too deep)
  return locks ? (locks.request('tavli-outbox', () => work()) as unknown as Promise<T>) : work();
}

/** Opens the outbox, wires the connection notices and the replay triggers. Before the first render. */
export async function bootstrap(): Promise<void> {
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

  const db = await openOutboxDb();
  attachOutbox(
    createOutbox({
      db,
      send: sendCommand,
      currentUserId,
      onSignedOut: () => useSession.getState().expire(),
      exclusive,
    }),
  );
  startReplayTriggers(() => outbox().flush(), { hasWork: () => useOutbox.getState().commands.some((command) => command.state === 'queued') });

  // The site unlocked (the licence banner went away): what waited for it goes at once.
  useStatus.subscribe((state, previous) => {
    if (previous.license && !state.license) void outbox().flush();
  });

  // Signing in (again) sends whatever waited for the PIN.
  useSession.subscribe((state, previous) => {
    if (state.token && state.token !== previous.token) void outbox().flush();
  });
  if (useSession.getState().token) void outbox().flush();
}
