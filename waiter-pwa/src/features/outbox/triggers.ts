import type { FlushOutcome } from './outbox';

type Events = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export type TriggerOptions = {
  /** Whether anything is queued (the timer stays quiet otherwise). */
  hasWork(): boolean;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** The longest wait while the site is locked or its licence expired (no use asking every few seconds). */
  maxBlockedDelayMs?: number;
  /** Where `online` fires (window) and where `visibilitychange` fires (document). */
  windowEvents?: Events;
  documentEvents?: Events;
  isVisible?(): boolean;
};

/**
 * When the outbox replays: as soon as the phone says it is online again, when the app comes back
 * to the foreground, and on a timer that backs off while the appliance cannot be reached (up to
 * `maxDelayMs`) or the site is locked (up to `maxBlockedDelayMs`; the app also replays the moment
 * the licence is back). Answers a function that stops them.
 */
export function startReplayTriggers(flush: () => Promise<FlushOutcome>, options: TriggerOptions): () => void {
  const base = options.baseDelayMs ?? 3_000;
  const max = options.maxDelayMs ?? 30_000;
  const maxBlocked = options.maxBlockedDelayMs ?? 5 * 60_000;
  const windowEvents = options.windowEvents ?? window;
  const documentEvents = options.documentEvents ?? document;
  const isVisible = options.isVisible ?? (() => document.visibilityState === 'visible');
  let delay = base;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const schedule = () => {
    if (!stopped) timer = setTimeout(() => void tick(), delay);
  };
  async function tick() {
    if (options.hasWork()) {
      const outcome = await flush().catch((): FlushOutcome => 'offline');
      if (outcome === 'offline') delay = Math.min(delay * 2, max);
      else if (outcome === 'blocked') delay = Math.min(delay * 2, maxBlocked);
      else delay = base;
    }
    schedule();
  }
  const now = () => {
    delay = base;
    void flush();
  };
  const onVisibility = () => {
    if (isVisible()) now();
  };

  windowEvents.addEventListener('online', now);
  documentEvents.addEventListener('visibilitychange', onVisibility);
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
    windowEvents.removeEventListener('online', now);
    documentEvents.removeEventListener('visibilitychange', onVisibility);
  };
}
