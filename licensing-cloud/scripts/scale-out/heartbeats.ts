/**
 * Drives the cloud behind its proxy for scale-out.sh, as appliances and a sysadmin would:
 *   tsx heartbeats.ts beat URL --sites 10 --heartbeats 1000 [--concurrency N]
 *       registers the sites, sends the heartbeats spread over them (all at once unless
 *       --concurrency), checks every site's licence numbers are unique and gap-free, and prints
 *       {"heartbeats_per_s": …} as its last line; exit 1 on any failed answer or gap.
 *   tsx heartbeats.ts count-sites URL     prints how many sites the cloud has
 * ADMIN_USERNAME and ADMIN_PASSWORD sign in; the proxy's CA comes in NODE_EXTRA_CA_CERTS.
 */
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import pLimit from 'p-limit';
import type { LicenseClaims } from '@tavli/licensing-contract/license';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { sites: { type: 'string', default: '10' }, heartbeats: { type: 'string', default: '1000' }, concurrency: { type: 'string' } },
});
const [command, base] = positionals;
if (!base || (command !== 'beat' && command !== 'count-sites')) throw new Error('usage: heartbeats.ts beat|count-sites URL [options]');

async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function adminToken(): Promise<string> {
  const login = await api<{ token: string }>('POST', '/api/auth/login', { username: process.env.ADMIN_USERNAME, password: process.env.ADMIN_PASSWORD });
  if (login.status !== 200) throw new Error(`admin sign-in answered ${login.status}`);
  return login.body.token;
}

async function beat() {
  const token = await adminToken();
  const expires = new Date(Date.now() + 365 * 86_400_000).toISOString();
  const sites = await Promise.all(
    Array.from({ length: Number(values.sites) }, async (_, n) => {
      const body = { name: `Scale-out taverna ${n + 1}`, owner_name: 'Maria Papadopoulou', contact_email: 'maria@example.gr', license_expires_at: expires };
      const answer = await api<{ site_id: string; secret_key: string }>('POST', '/api/sites', body, { authorization: `Bearer ${token}` });
      if (answer.status !== 201) throw new Error(`registering a site answered ${answer.status}`);
      return answer.body;
    }),
  );
  const count = Number(values.heartbeats);
  const limit = pLimit(Number(values.concurrency ?? count));
  const send = (n: number) => {
    const site = sites[n % sites.length]!;
    const nonce = crypto.randomBytes(16).toString('base64url');
    return api<{ license?: string }>(
      'POST',
      '/api/heartbeat',
      { version: '1.0.0', uptime_seconds: n, nonce },
      { 'x-site-id': site.site_id, 'x-site-key': site.secret_key },
    );
  };
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: count }, (_, n) => limit(() => send(n))));
  const seconds = (performance.now() - started) / 1000;
  const failed = answers.filter((answer) => answer.status !== 200);
  const seqs = new Map<string, number[]>();
  for (const { body } of answers) {
    if (!body.license) continue;
    const claims = decodeJwt<LicenseClaims>(body.license);
    seqs.set(claims.site_id, [...(seqs.get(claims.site_id) ?? []), claims.seq]);
  }
  const gaps = [...seqs].filter(([, list]) => list.sort((a, b) => a - b).some((seq, index) => seq !== list[0]! + index));
  console.log(`${count} heartbeats for ${sites.length} sites: ${failed.length} failed, ${gaps.length} sites with a repeated or missing licence number`);
  console.log(JSON.stringify({ heartbeats: count, seconds: Math.round(seconds * 1000) / 1000, heartbeats_per_s: Math.round(count / seconds) }));
  if (failed.length > 0 || gaps.length > 0 || seqs.size !== sites.length) process.exit(1);
}

async function countSites() {
  const token = await adminToken();
  let total = 0;
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { items: unknown[]; next_cursor: string | null } } = await api(
      'GET',
      `/api/sites?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      undefined,
      { authorization: `Bearer ${token}` },
    );
    if (page.status !== 200) throw new Error(`listing sites answered ${page.status}`);
    total += page.body.items.length;
    cursor = page.body.next_cursor;
  } while (cursor);
  console.log(total);
}

await (command === 'beat' ? beat() : countSites());
