import type { Access } from '../auth/access.js';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { streamSSE } from 'hono/streaming';
import { hasRole } from '../auth/auth.middleware.js';
import type { AppContext } from '../shared/context.js';
import type { AppEnv } from '../shared/env.js';
import type { LiveEventCatalogue } from './catalogue.js';
import type { DeliveredEvent } from './event-bus.js';

const KEEPALIVE_MS = 15_000;
/**
 * Events one connection may have waiting. A screen that stops reading (a phone asleep with its
 * socket half open) is dropped past this; its browser reconnects and refetches on `ready`, so it
 * misses nothing, and the appliance's memory stays bounded.
 */
export const MAX_QUEUED_EVENTS = 500;

/**
 * Every GET answer says which live events it already includes: `X-Event-Id` is the last event
 * published before the answer was read. A screen whose answer is as new as the stream's `ready`
 * needs no refetch.
 */
export const EVENT_ID_HEADER = 'X-Event-Id';

export function stampEventId(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    if (c.req.method === 'GET') c.header(EVENT_ID_HEADER, String(ctx.events.lastId));
    return next();
  };
}

/** Server-Sent Events: every change a user may see, pushed as it is committed. */
export function eventsRoutes(ctx: AppContext, access: Access) {
  const router = new Hono<AppEnv>();
  router.use(...access.streaming);
  return router.get('/', (c) => {
    const user = c.get('user');
    const maySee = (event: DeliveredEvent) => !event.audience || hasRole(user.role, 'manager') || event.audience.includes(user.id);
    return streamSSE(c, async (stream) => {
      const queue: DeliveredEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = ctx.events.subscribe((event) => {
        if (!maySee(event)) return;
        if (queue.length >= MAX_QUEUED_EVENTS) {
          unsubscribe();
          queue.length = 0;
          stream.abort();
          // The socket, too: a write stuck behind a full socket buffer would otherwise hold it open.
          (c.env as Partial<HttpBindings>).outgoing?.destroy();
          return;
        }
        queue.push(event);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      // Read after subscribing: every later event reaches this stream.
      const ready: LiveEventCatalogue['ready'] = { user_id: user.id, last_event_id: ctx.events.lastId };
      await stream.writeSSE({ event: 'ready', data: JSON.stringify(ready) });
      while (!stream.aborted) {
        const event = queue.shift();
        if (event) {
          await stream.writeSSE({ id: String(event.id), event: event.type, data: JSON.stringify(event.data) });
          continue;
        }
        const timedOut = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), KEEPALIVE_MS);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
        });
        wake = undefined;
        if (timedOut && !stream.aborted) await stream.write(': keep-alive\n\n');
      }
      unsubscribe();
    });
  });
}
