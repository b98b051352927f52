import type { Access } from '../auth/access.js';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { streamSSE } from 'hono/streaming';
import { hasRole } from '../auth/auth.middleware.js';
import type { AppContext } from '../shared/context.js';
import type { AppEnv } from '../shared/env.js';
import type { LiveEventCatalogue } from './catalogue.js';
import { findActiveUser } from '../auth/users.repository.js';
import type { DeliveredEvent } from './event-bus.js';

const KEEPALIVE_MS = 15_000;
/**
 * Events one connection may have waiting. A screen that stops reading (a phone asleep with its
 * socket half open) is dropped past this; its browser reconnects and refetches on `ready`, so it
 * misses nothing, and the appliance's memory stays bounded.
 */
export const MAX_QUEUED_EVENTS = 500;
/**
 * Streams one user may hold open (a phone and a tablet, with room for streams a dropped Wi-Fi left
 * half-open); a further one closes their oldest, which is most likely such a leftover.
 */
export const MAX_STREAMS_PER_USER = 6;
/** How often a busy stream checks that its session still stands (idle ones check at each keep-alive). */
const SESSION_CHECK_MS = 1_000;

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
  const openStreams = new Map<number, Array<() => void>>();
  return router.get('/', (c) => {
    const user = c.get('user');
    const session = c.get('session');
    const maySee = (event: DeliveredEvent) => !event.audience || hasRole(user.role, 'manager') || event.audience.includes(user.id);
    // A token that expired, or that a PIN reset, a new role or a deactivation ended, ends its stream too.
    const sessionStands = () => ctx.clock.now().getTime() < session.expiresAt && findActiveUser(ctx.db, user.id)?.token_version === session.version;
    return streamSSE(c, async (stream) => {
      const close = () => stream.abort();
      const mine = openStreams.get(user.id) ?? [];
      if (mine.length >= MAX_STREAMS_PER_USER) mine.shift()?.();
      mine.push(close);
      openStreams.set(user.id, mine);
      let checkedAt = Date.now();
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
      const stopping = () => stream.abort();
      ctx.events.ended.addEventListener('abort', stopping, { once: true });
      if (ctx.events.ended.aborted) stream.abort();
      stream.onAbort(() => {
        ctx.events.ended.removeEventListener('abort', stopping);
        unsubscribe();
        const left = (openStreams.get(user.id) ?? []).filter((other) => other !== close);
        if (left.length) openStreams.set(user.id, left);
        else openStreams.delete(user.id);
        wake?.();
      });
      // Read after subscribing: every later event reaches this stream.
      const ready: LiveEventCatalogue['ready'] = { user_id: user.id, last_event_id: ctx.events.lastId };
      await stream.writeSSE({ event: 'ready', data: JSON.stringify(ready) });
      while (!stream.aborted) {
        if (Date.now() - checkedAt >= SESSION_CHECK_MS) {
          checkedAt = Date.now();
          if (!sessionStands()) break;
        }
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
        if (timedOut && !stream.aborted) {
          if (!sessionStands()) break;
          await stream.write(': keep-alive\n\n');
        }
      }
      unsubscribe();
      close();
    });
  });
}
