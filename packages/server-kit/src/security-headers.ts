import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Only this origin's own scripts (the split ones and the service workers too), styles, images
 * (and data: URLs, e.g. QR codes), manifest and API; no framing, no plugins, no inline script,
 * nothing from a third party. `connect` adds origins a page may fetch from (the join page checks
 * the appliance's HTTPS origin from plain HTTP).
 */
export const contentSecurityPolicy = ({ connect = [] }: { connect?: string[] } = {}) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${["'self'", ...connect].join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

const POLICY = contentSecurityPolicy();

/**
 * Every answer, from the API to the apps, the docs and the join page: the Content-Security-Policy
 * (unless the route set a wider one of its own), no referrer, no MIME sniffing, no framing.
 */
export function securityHeaders(): MiddlewareHandler {
  const others = secureHeaders({
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    // The appliance's CA is its own: pinning HTTPS in browsers would lock phones out if it were replaced.
    strictTransportSecurity: false,
    // The join page checks trust with a no-cors fetch from plain HTTP to HTTPS, a cross-site load.
    crossOriginResourcePolicy: false,
  });
  return async (c, next) => {
    await others(c, next);
    if (!c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', POLICY);
  };
}
