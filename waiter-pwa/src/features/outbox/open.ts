import { currentUserId, useSession } from '../session/store';
import { useStatus } from '../status/store';
import { sendCommand } from './api';
import { openOutboxDb } from './db';
import { createOutbox } from './outbox';
import { attachOutbox, outbox, useOutbox } from './store';
import { startReplayTriggers } from './triggers';

/** Runs `work` holding a lock shared by every tab of the app, so two tabs never replay at once. */
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // request() resolves with what the callback's promise resolves to (lib.dom types it one level too deep)
  return locks ? (locks.request('tavli-outbox', () => work()) as unknown as Promise<T>) : work();
}

async function open(): Promise<void> {
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

let opening: Promise<void> | undefined;
/**
 * Opens the outbox, once, and wires its replay triggers. Before the first signed-in screen: nothing
 * can be sent signed out, and what was queued waits safely in IndexedDB until then.
 */
export const openOutbox = (): Promise<void> => (opening ??= open());
