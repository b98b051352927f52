import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    /** The client's address as the outermost trusted proxy saw it (see `behindProxies`). */
    forwardedClientAddress: string;
  }
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Behind `hops` reverse proxies (Caddy in docker-compose.yml): each appends the address it saw
 * to X-Forwarded-For, so the client is the entry `hops` from the right. Entries further left were
 * written by the client itself and are never trusted. With no proxy (0) the socket is the client.
 */
export function behindProxies(hops: number): MiddlewareHandler {
  return async (c, next) => {
    if (hops > 0) {
      const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim());
      const seen = forwarded.length >= hops ? forwarded[forwarded.length - hops] : undefined;
      if (seen) c.set('forwardedClientAddress', seen);
    }
    await next();
  };
}

/** The client's address: what a trusted proxy saw (`behindProxies`), else the socket's peer. */
export function clientAddress(c: Context): string {
  return c.get('forwardedClientAddress') ?? socketAddress(c);
}
