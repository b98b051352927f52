/** A handler per event type the screen listens to, each given that event's body. */
export type EventHandlers<Catalogue> = { [Type in keyof Catalogue]?: (data: Catalogue[Type]) => void };

export type StreamHooks = {
  /**
   * The stream (re)opened and said `ready`, with the last event published before it: refetch what
   * may have changed while it was down, unless its answer already included that event.
   */
  onReady(lastEventId: number): void;
  /** The stream dropped; the browser is reconnecting, or the stream was refused. */
  onDown(): void;
  /** The server refused the stream (e.g. an expired token): check the session before it is reopened. */
  onRefused?(): void;
};

const MAX_RETRY_MS = 30_000;

/**
 * A server-sent event stream whose events change the screen as they happen on the server, not by
 * polling. The browser retries network drops itself; a refused stream is reopened with backoff.
 * `url` is asked again at each reopening (the token in it may have been refreshed). Answers a stop function.
 */
export function connectEventStream<Catalogue>(url: () => string, handlers: EventHandlers<Catalogue>, hooks: StreamHooks): () => void {
  let source: EventSource | undefined;
  let retryMs = 1_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const open = () => {
    source = new EventSource(url());
    source.addEventListener('ready', (event) => {
      retryMs = 1_000;
      let lastEventId = Number.POSITIVE_INFINITY;
      try {
        lastEventId = Number((JSON.parse((event as MessageEvent<string>).data) as { last_event_id?: unknown }).last_event_id ?? Number.POSITIVE_INFINITY);
      } catch {
        /* an older server: everything is refetched */
      }
      hooks.onReady(lastEventId);
    });
    for (const [type, handle] of Object.entries(handlers)) {
      source.addEventListener(type, (event) => {
        try {
          // The server sends each type with the body its catalogue names; the stream itself is untyped.
          (handle as (data: unknown) => void)(JSON.parse((event as MessageEvent<string>).data));
        } catch {
          /* a malformed event is skipped; the next catch-up repairs the view */
        }
      });
    }
    source.onerror = () => {
      hooks.onDown();
      if (source?.readyState !== EventSource.CLOSED) return; // the browser reconnects by itself
      source.close();
      hooks.onRefused?.();
      timer = setTimeout(() => {
        if (!stopped) open();
      }, retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    };
  };

  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
