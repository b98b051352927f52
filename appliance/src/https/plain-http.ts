import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { HttpsEndpoint } from '../shared/context.js';
import type { AppEnv } from '../shared/env.js';
import { isLoopback } from '../shared/lan.js';

/** Set by the join page once this phone has reached the appliance over HTTPS without a certificate error. */
export const TRUSTED_COOKIE = 'tavli_https';

/** What plain HTTP still serves to the network: what a phone needs before it trusts the CA, and the health URL. */
const PLAIN_HTTP_PATHS = [/^\/api\/system\/health$/, /^\/join(\/.*)?$/];

/** The same page on the appliance's HTTPS port, under the name the phone used. */
export const httpsUrl = (hostname: string, port: number, pathAndQuery: string) => `https://${hostname}${port === 443 ? '' : `:${port}`}${pathAndQuery}`;

/**
 * On plain HTTP from the network (not from the appliance itself), only the join page, the CA and
 * the health URL answer. A phone that has shown it trusts the CA is sent to the same address over
 * HTTPS; one that has not is sent to the join page, never to a browser's certificate warning.
 * API calls are redirected to HTTPS (308, method kept). `alsoServed` adds pages plain HTTP serves
 * too (the setup wizard, until setup is finished: the installer opens http://tavli.local/setup).
 */
export function plainHttpForJoiningOnly(https: HttpsEndpoint, alsoServed: (pathname: string) => boolean = () => false): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const socket = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket;
    if (!socket || 'encrypted' in socket || isLoopback(socket.remoteAddress)) return next();
    const url = new URL(c.req.url);
    if (PLAIN_HTTP_PATHS.some((path) => path.test(url.pathname)) || alsoServed(url.pathname)) return next();
    const target = url.pathname + url.search;
    if (url.pathname.startsWith('/api/') || getCookie(c, TRUSTED_COOKIE) === '1') return c.redirect(httpsUrl(url.hostname, https.port, target), 308);
    return c.redirect(`/join?${new URLSearchParams({ next: target }).toString()}`, 303);
  };
}
