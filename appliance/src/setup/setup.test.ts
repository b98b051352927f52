import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSetupCode } from '@tavli/licensing-contract/setup-code';
import { startEmulator, type EmulatedPrinter } from '@tavli/printer-emulator/emulator';
import { systemClock } from '@tavli/server-kit/clock';
import { request } from '@tavli/test-kit/http-request';
import { launchChromium, PHONE, screenshot } from '@tavli/test-kit/browser';
import { expectAccessible } from '@tavli/test-kit/accessibility';
import { startTestAppliance, type TestAppliance } from '../test/harness.js';
import { startTestCloud } from '../test/cloud.js';
import { hostsOf } from './printer-discovery.js';

type Page = { status: number; body: string; location: string | null };

describe('the setup wizard on a new appliance', () => {
  let app: TestAppliance;
  let printer: EmulatedPrinter;
  let cloud: Awaited<ReturnType<typeof startTestCloud>>;

  const get = async (pathname: string, language = 'en'): Promise<Page> => {
    const answer = await request(`${app.url}${pathname}`, { method: 'GET', headers: { 'accept-language': language } });
    return { status: answer.status, body: answer.body, location: answer.headers.get('location') };
  };
  const post = async (pathname: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<Page> => {
    const answer = await request(`${app.url}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: answer.status, body: answer.body, location: answer.headers.get('location') };
  };

  beforeAll(async () => {
    printer = await startEmulator({ name: 'found', host: '127.0.0.1' });
    cloud = await startTestCloud(systemClock);
    app = await startTestAppliance({
      seed: false,
      // Discovery scans loopback only, for the emulator's port (never 9100 in a test).
      env: { PRINTER_DISCOVERY_NETWORK: '127.0.0.0/29', PRINTER_DISCOVERY_PORT: String(printer.port), CLOUD_URL: cloud.url },
    });
  });
  afterAll(async () => {
    await app.stop();
    await printer.stop();
    await cloud.stop();
    cloud.remove();
  });

  it('opens at the appliance’s address, in the browser’s language', async () => {
    expect(await get('/')).toMatchObject({ status: 303, location: '/setup/' });
    const page = await get('/setup/', 'el-GR');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Εγκατάσταση του Tavli');
    expect((await get('/setup/')).body).toContain('Set up Tavli');
  });

  it('saves the restaurant, its language and its time zone', async () => {
    expect((await post('/setup/restaurant', { name: '', language: 'en', time_zone: 'Europe/Athens' })).status).toBe(422);
    const saved = await post('/setup/restaurant', { name: 'Ταβέρνα του Νίκου', language: 'el', time_zone: 'Europe/Nicosia' });
    expect(saved.status).toBe(200);
    expect(saved.body).toContain('Αποθηκεύτηκε'); // the language chosen is the wizard's from now on
    expect(app.appliance.ctx.config.timeZone).toBe('Europe/Nicosia');
  });

  it('activates the licence from the setup code the licence panel shows, with a first heartbeat', async () => {
    expect((await post('/setup/license?lang=en', { setup_code: 'not a code' })).body).toContain('This is not a Tavli setup code');
    const site = await cloud.registerSite('Ταβέρνα του Νίκου', new Date(Date.now() + 365 * 86_400_000));
    const page = await post('/setup/license?lang=en', {
      setup_code: encodeSetupCode({ cloud_url: cloud.url, site_id: site.site_id, site_key: site.secret_key }),
    });
    expect(page.body).toContain('The licence is active.');
    expect(app.appliance.services.license.status()).toMatchObject({ state: 'active', site_id: site.site_id });
  });

  it('creates the first manager, who can sign in, only when the PIN is typed the same twice', async () => {
    const mismatch = await post('/setup/manager?lang=en', { full_name: 'Νίκος Παπαδάκης', username: 'nikos', pin: '2580', pin_again: '2581' });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body).toContain('The two PINs differ.');
    expect((await post('/setup/manager', { full_name: 'Νίκος Παπαδάκης', username: 'Nikos', pin: '2580', pin_again: '2580' })).status).toBe(200);
    expect((await app.call('POST', '/api/auth/login', { body: { username: 'nikos', pin: '2580' } })).status).toBe(200);
    expect((await post('/setup/manager?lang=en', { full_name: 'Άλλος', username: 'nikos', pin: '1111', pin_again: '1111' })).body).toContain(
      'This username is taken.',
    );
  });

  it('finds the printers on the network, adds one as the bill printer, and prints a Greek test page on it', async () => {
    const found = await get('/setup/printers?find=1&lang=en');
    expect(found.body).toContain('Found: 1');
    expect(found.body).toContain('value="127.0.0.1"');
    expect((await post('/setup/printers/add', { name: 'Ταμείο', ip_address: '127.0.0.1', port: String(printer.port) })).status).toBe(200);
    const [added] = app.appliance.services.printers.list();
    expect(added).toMatchObject({ name: 'Ταμείο', is_bill_printer: true });
    const tested = await post(`/setup/printers/${added!.id}/test?lang=en`);
    expect(tested.body).toContain('The test page printed on “Ταμείο”.');
    const [ticket] = await printer.waitForTickets(1);
    expect(ticket!.text).toContain('Ταμείο');
    expect(ticket!.text).toMatch(/ΑΒΓΔΕΖΗΘ/);
  });

  it('lays out the tables in groups, and refuses labels that exist', async () => {
    expect((await post('/setup/tables/add', { name: 'Σάλα', count: '12', prefix: 'Σ' })).status).toBe(200);
    expect((await post('/setup/tables/add', { name: 'Βεράντα', count: '8', prefix: 'Β' })).status).toBe(200);
    expect((await post('/setup/tables/add?lang=en', { name: 'Πάλι', count: '2', prefix: 'Σ' })).body).toContain('One of these labels exists already');
    expect((await get('/setup/tables?lang=en')).body).toContain('12 tables: Σ1–Σ12');
  });

  it('resumes where it stopped after a power cut', async () => {
    await app.restart();
    const page = await get('/setup/finish?lang=en');
    expect(page.body.match(/class="state ok">Done</g)).toHaveLength(5);
    expect(app.appliance.ctx.config.timeZone).toBe('Europe/Nicosia');
  });

  it('turns SSH on only for the technician’s public key', async () => {
    expect((await post('/setup/ssh?lang=en', { key: 'password123' })).body).toContain('This is not an SSH public key');
    const key = `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGm2Yq1wVv7oQ3rYk0Qk8y1u1q8m0c2m3r0qk9r0Zb1x technician@laptop`;
    expect((await post('/setup/ssh?lang=en', { key })).body).toContain('SSH is on for the user tavli-admin with 1 key(s).');
    const file = path.join(app.dataDir, 'ssh', 'authorized_keys');
    expect(fs.readFileSync(file, 'utf8')).toBe(`${key}\n`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('answers 404, not a failure, for a printer or table group that is not there', async () => {
    expect((await post('/setup/printers/abc/test')).status).toBe(404);
    expect((await post('/setup/printers/999/remove')).status).toBe(404);
  });

  it('refuses a form posted from another site', async () => {
    expect((await post('/setup/finish', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('/setup/finish', {}, { origin: 'null', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('closes for good once finished: every page of it answers 404, and the address opens the landing page', async () => {
    const finished = await post('/setup/finish?lang=en');
    expect(finished.body).toContain('Sign in to the dashboard as nikos.');
    expect((await get('/setup/')).status).toBe(404);
    expect((await post('/setup/restaurant', { name: 'x', language: 'en', time_zone: 'UTC' })).status).toBe(404);
    expect((await get('/')).status).toBe(200);
  });
});

describe('the printers’ network', () => {
  it('is every host address of a network, at most a /22', () => {
    expect(hostsOf('192.168.1.77/24')).toHaveLength(254);
    expect(hostsOf('192.168.1.77/24')[0]).toBe('192.168.1.1');
    expect(hostsOf('10.0.0.0/8')).toHaveLength(1022);
    expect(hostsOf('127.0.0.0/29')).toEqual(['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6']);
  });
});

describe('the setup wizard’s pages', () => {
  it('have no serious or critical accessibility violation, in Greek and in English', async () => {
    const app = await startTestAppliance({ seed: false, env: { PRINTER_DISCOVERY_NETWORK: '127.0.0.0/30', PRINTER_DISCOVERY_PORT: '9' } });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: PHONE });
      for (const step of ['', 'license', 'manager', 'printers?find=1', 'tables', 'ssh', 'finish']) {
        for (const lang of ['el', 'en']) {
          await page.goto(`${app.url}/setup/${step}${step.includes('?') ? '&' : '?'}lang=${lang}`);
          await expectAccessible(page, `setup /${step} (${lang})`);
        }
      }
      await screenshot(page, 'setup-finish');
    } finally {
      await browser.close();
      await app.stop();
    }
  });
});
