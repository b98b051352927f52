import type { LiveEventCatalogue } from './catalogue.js';

type Published = Exclude<keyof LiveEventCatalogue, 'ready'>;

export type LiveEvent = {
  [K in Published]: {
    type: K;
    data: LiveEventCatalogue[K];
    /** User ids allowed to see it; undefined means everyone signed in. Managers see everything. */
    audience?: readonly number[];
  };
}[Published];

export type DeliveredEvent = LiveEvent & { id: number };

type Listener = (event: DeliveredEvent) => void;

export function createEventBus() {
  const listeners = new Set<Listener>();
  const ending = new AbortController();
  let sequence = 0;
  return {
    /** Aborted when the appliance stops: every live stream ends, so the server can close. */
    ended: ending.signal,
    end() {
      ending.abort();
    },
    publish(event: LiveEvent) {
      const delivered = { ...event, id: ++sequence };
      for (const listener of listeners) listener(delivered);
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The id of the last event published (0 before the first). */
    get lastId() {
      return sequence;
    },
    /** Lets publishers skip building an event nobody is listening for. */
    get hasSubscribers() {
      return listeners.size > 0;
    },
    get subscriberCount() {
      return listeners.size;
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
