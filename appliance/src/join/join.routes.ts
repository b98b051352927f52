import { X509Certificate } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { renderSVG } from 'uqr';
import { bearer, json } from '@tavli/server-kit/openapi';
import { contentSecurityPolicy } from '@tavli/server-kit/security-headers';
import type { Access } from '../auth/access.js';
import { requireManager } from '../auth/auth.middleware.js';
import { authorityName } from '../https/certificates.js';
import { APPLIANCE_NAME } from '../https/lan-names.js';
import { isLoopback } from '../shared/lan.js';
import { httpsUrl } from '../https/plain-http.js';
import { readSettings } from '../settings/settings.service.js';
import type { AppContext, HttpsEndpoint } from '../shared/context.js';
import type { AppEnv } from '../shared/env.js';
import { errors, guardedRouter } from '../shared/openapi.js';
import { fail } from '../shared/errors.js';
import { appleProfile } from './apple-profile.js';
import { JOIN_CSS, JOIN_SCRIPT } from './join-assets.js';
import { joinPage, platformOf, PLATFORMS, type Platform } from './join-page.js';
import { JOIN_MESSAGES, type JoinLanguage } from './join.messages.js';

const NO_CACHE = { 'Cache-Control': 'no-cache' };

/** The name a phone can use: the one this request came in with, unless that was the appliance's own loopback. */
const reachableName = (c: Context) => {
  const { hostname } = new URL(c.req.url);
  return hostname === 'localhost' || isLoopback(hostname) ? APPLIANCE_NAME : hostname;
};

/** The join page's plain-HTTP address, as the QR code carries it (phones start there, before they trust the CA). */
export const joinUrl = (c: Context, https: HttpsEndpoint) => `http://${reachableName(c)}${https.plainPort === 80 ? '' : `:${https.plainPort}`}/join`;

/** Only local paths: the join page must not become a way to send a phone anywhere else. */
const localPath = (next: string | undefined) => (next && /^\/(?![/\\])/.test(next) ? next : '/waiter/');

function languageOf(c: Context, ctx: AppContext): JoinLanguage {
  const asked = c.req.query('lang');
  if (asked === 'el' || asked === 'en') return asked;
  const browser = c.req.header('accept-language')?.slice(0, 2).toLowerCase();
  return browser === 'el' || browser === 'en' ? browser : readSettings(ctx.db, ctx.config).language;
}

/** The pages and files a phone needs to trust the appliance's CA (plain HTTP serves these to everyone). */
export function joinRoutes(ctx: AppContext, https: HttpsEndpoint) {
  const authority = new X509Certificate(https.authorityPem);
  const caName = authorityName(https.authorityPem);
  return new Hono<AppEnv>()
    .get('/', (c) => {
      const language = languageOf(c, ctx);
      const asked = c.req.query('platform') as Platform | undefined;
      const trusted = new URL(c.req.url).protocol === 'https:';
      const secureBase = httpsUrl(reachableName(c), https.port, '');
      return c.html(
        joinPage({
          language,
          t: JOIN_MESSAGES[language],
          platform: asked && PLATFORMS.includes(asked) ? asked : platformOf(c.req.header('user-agent')),
          trusted,
          authorityName: caName,
          fingerprint: authority.fingerprint256,
          probeUrl: `${secureBase}/join/check`,
          nextUrl: `${secureBase}${localPath(c.req.query('next'))}`,
          joinUrl: joinUrl(c, https),
        }),
        200,
        { ...NO_CACHE, 'Content-Security-Policy': contentSecurityPolicy({ connect: [secureBase] }) },
      );
    })
    .get('/join.css', (c) => c.body(JOIN_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', ...NO_CACHE }))
    .get('/join.js', (c) => c.body(JOIN_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', ...NO_CACHE }))
    .get('/ca.crt', (c) =>
      c.body(https.authorityPem, 200, { 'Content-Type': 'application/x-x509-ca-cert', 'Content-Disposition': 'attachment; filename="tavli-ca.crt"' }),
    )
    .get('/ca.mobileconfig', (c) =>
      c.body(appleProfile(https.authorityPem, caName), 200, {
        'Content-Type': 'application/x-apple-aspen-config',
        'Content-Disposition': 'attachment; filename="tavli.mobileconfig"',
      }),
    )
    .get('/qr.svg', (c) =>
      c.body(renderSVG(joinUrl(c, https), { ecc: 'M', border: 2 }), 200, {
        'Content-Type': 'image/svg+xml',
        ...NO_CACHE,
      }),
    )
    .get('/check', (c) => c.body(null, 204, { 'Cache-Control': 'no-store' }));
}

const JoinInfo = z
  .object({
    url: z.string().openapi({ example: 'http://tavli.local/join' }),
    qr_svg_url: z.string().openapi({ example: '/join/qr.svg' }),
    ca_name: z.string(),
    ca_fingerprint: z.string().openapi({ description: 'SHA-256 of the CA certificate, AB:CD:…' }),
  })
  .openapi('JoinInfo');

const info = createRoute({
  operationId: 'getJoinInfo',
  method: 'get',
  path: '/',
  summary: 'How a phone joins: the join page’s addresses and the CA’s fingerprint',
  tags: ['join'],
  security: bearer,
  middleware: requireManager,
  description: 'Answers 404 `https_off` when the appliance runs with HTTPS_PORT=off.',
  responses: { 200: json(JoinInfo, 'How a phone joins'), ...errors.signedIn({ 403: ['forbidden'], 404: ['https_off'] }) },
});

/** For the dashboard's "connect a phone" panel. */
export function joinApiRoutes(ctx: AppContext, access: Access) {
  return guardedRouter(access.signedIn).openapi(info, (c) => {
    const https = ctx.https;
    if (!https) throw fail(404, 'https_off', 'This appliance does not serve HTTPS (HTTPS_PORT=off), so phones have nothing to join');
    const { fingerprint256 } = new X509Certificate(https.authorityPem);
    return c.json({ url: joinUrl(c, https), qr_svg_url: '/join/qr.svg', ca_name: authorityName(https.authorityPem), ca_fingerprint: fingerprint256 }, 200);
  });
}
