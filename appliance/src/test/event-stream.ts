import http from 'node:http';

export type ReceivedEvent = { event: string; data: any; at: number };

/** A live /api/events subscription, collecting every event it receives. */
export function openEventStream(baseUrl: string, token: string) {
  const events: ReceivedEvent[] = [];
  const waiters: Array<() => void> = [];
  let request: http.ClientRequest | undefined;
  let ended: () => void = () => undefined;
  /** Resolves when the appliance closes the stream. */
  const closed = new Promise<void>((resolve) => (ended = resolve));
  const ready = new Promise<void>((resolve, reject) => {
    request = http.get(`${baseUrl}/api/events?token=${encodeURIComponent(token)}`, { agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`event stream answered ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('end', () => ended());
      res.on('close', () => ended());
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!event) continue;
          if (event === 'ready') resolve();
          events.push({ event, data: data ? JSON.parse(data) : undefined, at: Date.now() });
          waiters.splice(0).forEach((wake) => wake());
        }
      });
    });
    request.on('error', reject);
  });

  return {
    ready,
    closed,
    events,
    /** Resolves with the first event matching `match`, or rejects after `timeoutMs`. */
    async next(match: (event: ReceivedEvent) => boolean, timeoutMs = 1000): Promise<ReceivedEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = events.find(match);
        if (hit) return hit;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no matching event arrived in time');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close: () => request?.destroy(),
  };
}
