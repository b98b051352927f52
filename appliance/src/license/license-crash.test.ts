import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestClock } from '@tavli/test-kit/clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnAppliance, type ChildAppliance } from '../test/child-appliance.js';
import { startTestCloud } from '../test/cloud.js';
import { applianceApi, DEMO_FIXTURE } from '../test/harness.js';

const DAY = 86_400_000;

/**
 * Stands between the appliance and the cloud; when armed, it hands the appliance the cloud's
 * heartbeat answer and then cuts the appliance's power `delayMs` later.
 */
async function startCuttingProxy(cloudUrl: string) {
  let armed: { delayMs: number; victim: Promise<ChildAppliance>; cut: () => void } | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void fetch(`${cloudUrl}${req.url}`, {
        method: req.method,
        headers: Object.fromEntries(Object.entries(req.headers).filter(([name]) => name.startsWith('x-') || name === 'content-type')) as Record<string, string>,
        body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
      }).then(async (answer) => {
        const body = Buffer.from(await answer.arrayBuffer());
        const cut = req.url === '/api/heartbeat' ? armed : undefined;
        if (cut) armed = undefined;
        const victim = await cut?.victim;
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(body);
        if (cut && victim) setTimeout(() => void victim.kill().then(cut.cut), cut.delayMs);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** The next heartbeat answer is the last thing `victim` hears: resolves once it is dead. */
    cutAfterNextAnswer(victim: Promise<ChildAppliance>, delayMs: number) {
      return new Promise<void>((cut) => (armed = { delayMs, victim, cut }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the licence survives a power cut at any moment of its renewal', () => {
  const clock = createTestClock();
  let cloud: Awaited<ReturnType<typeof startTestCloud>>;
  let proxy: Awaited<ReturnType<typeof startCuttingProxy>>;
  let site: { site_id: string; secret_key: string };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavli-licence-cut-'));
  const licensed = (cloudUrl: string) =>
    spawnAppliance({
      DATA_DIR: dataDir,
      SEED_FIXTURE: DEMO_FIXTURE,
      LICENSE_ENFORCEMENT: 'on',
      SITE_ID: site.site_id,
      SITE_KEY: site.secret_key,
      CLOUD_URL: cloudUrl,
    });
  const licenceOf = async (appliance: ChildAppliance) => (await applianceApi(() => appliance.url).call('GET', '/api/system/license')).body;
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  };

  beforeAll(async () => {
    cloud = await startTestCloud(clock);
    site = await cloud.registerSite('Ταβέρνα του ρεύματος', new Date(Date.now() + 30 * DAY));
    proxy = await startCuttingProxy(cloud.url);
  });
  afterAll(async () => {
    await proxy.close();
    await cloud.stop();
    cloud.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([0, 1, 3, 10])('stays licensed offline after its power is cut %i ms after a renewal arrives', async (delayMs) => {
    const warm = await licensed(proxy.url);
    await until(async () => (await licenceOf(warm)).state === 'active');
    expect((await licenceOf(warm)).state).toBe('active');
    await warm.kill();
    // Its heartbeat at start-up renews the licence; the answer arrives and the power goes.
    let started!: (appliance: ChildAppliance) => void;
    const cut = proxy.cutAfterNextAnswer(new Promise((resolve) => (started = resolve)), delayMs);
    started(await licensed(proxy.url));
    await cut;

    const offline = await licensed('http://127.0.0.1:9');
    try {
      expect((await licenceOf(offline)).state).toBe('active');
      const token = await applianceApi(() => offline.url).login('maria');
      expect((await applianceApi(() => offline.url).call('GET', '/api/tables', { token })).status).toBe(200);
    } finally {
      await offline.kill();
    }
  });
});
