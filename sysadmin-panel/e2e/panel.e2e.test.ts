import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestAppliance, type TestAppliance } from 'appliance/test/harness';
import { CLOUD_ADMIN, startTestCloud } from 'appliance/test/cloud';
import { createTestClock } from '@tavli/test-kit/clock';
import { launchChromium, recordApiRequests, screenshot } from '@tavli/test-kit/browser';
import { expectAccessible } from '@tavli/test-kit/accessibility';

type Cloud = Awaited<ReturnType<typeof startTestCloud>>;

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

describe('the sysadmin panel against a real cloud and a real appliance', () => {
  let cloud: Cloud;
  let appliance: TestAppliance | undefined;
  let browser: Browser;
  let page: Page;
  let siteId = '';
  let siteKey = '';
  // Shared by the cloud and the appliance; moved on before each licence refresh, which the appliance allows once every 10 s.
  const clock = createTestClock();

  const openPage = async (viewport = LAPTOP) => {
    const context = await browser.newContext({ viewport, locale: 'en-GB' });
    context.setDefaultTimeout(10_000);
    return context.newPage();
  };
  const signIn = async (target: Page, username: string, password: string) => {
    await target.goto(`${cloud.url}/admin/`);
    await target.getByLabel('Username').fill(username);
    await target.getByLabel('Password').fill(password);
    await target.getByRole('button', { name: 'Sign in' }).click();
    await target.getByRole('navigation').getByRole('link', { name: 'Sites' }).waitFor();
  };
  const statusOnPage = () => page.locator('.site-detail .status').textContent();
  const applianceLicence = async () => {
    const maria = await appliance!.login('maria');
    clock.advance(11_000);
    expect((await appliance!.call('POST', '/api/system/license/refresh', { token: maria })).status).toBe(200);
    return appliance!.call('GET', '/api/tables', { token: maria });
  };

  beforeAll(async () => {
    [cloud, browser] = await Promise.all([startTestCloud(clock), launchChromium()]);
    page = await openPage();
  });
  afterAll(async () => {
    await browser?.close();
    await appliance?.stop();
    await cloud?.stop();
    cloud?.remove();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && !page.isClosed()) await screenshot(page, `FAILED-${task.name.replace(/[^\p{L}\d]+/gu, '-').slice(0, 60)}`);
  });

  it('is served on the cloud’s own origin with a strict Content-Security-Policy', async () => {
    const response = await page.goto(`${cloud.url}/admin/`);
    expect(response!.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response!.headers()['access-control-allow-origin']).toBeUndefined();
  });

  it('signing in asks for each thing once: the sign-in, then the sites', async () => {
    const fresh = await openPage();
    const seen = recordApiRequests(fresh);
    await signIn(fresh, CLOUD_ADMIN.username, CLOUD_ADMIN.password);
    await fresh.waitForTimeout(1_000); // time for a second request, if one were coming
    expect(seen.sort()).toEqual(['GET /api/sites', 'POST /api/auth/login']);
    await fresh.context().close();
  });

  it('signs in, registers a site, and shows its key and setup code once: gone after a reload', async () => {
    await signIn(page, CLOUD_ADMIN.username, CLOUD_ADMIN.password);
    await screenshot(page, 'panel-01-sites-empty');
    await page.getByRole('link', { name: 'Register a site' }).click();
    await page.getByLabel('Name').fill('Ταβέρνα Το Κύμα');
    await page.getByLabel('Owner').fill('Sofia Andreou');
    await page.getByLabel('Contact e-mail').fill('sofia@example.gr');
    await page.getByRole('button', { name: 'Register' }).click();
    siteId = (await page.getByTestId('site-id').textContent())!;
    siteKey = (await page.getByTestId('site-key').textContent())!;
    expect(siteKey).toMatch(/^tvl_sk_/);
    expect(await page.getByTestId('setup-code').textContent()).toMatch(/^tavli-setup-1:/);
    await page.getByRole('img', { name: 'QR code of the setup code' }).waitFor();
    await screenshot(page, 'panel-02-key-once');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await page.getByRole('navigation').waitFor();
    expect(await page.content()).not.toContain(siteKey);
  });

  it('turns the site active once the appliance with that key has sent its heartbeat', async () => {
    appliance = await startTestAppliance({ clock, env: { LICENSE_ENFORCEMENT: 'on', SITE_ID: siteId, SITE_KEY: siteKey, CLOUD_URL: cloud.url } });
    expect((await applianceLicence()).status).toBe(200);
    await page.goto(`${cloud.url}/admin/sites/${siteId}`);
    await expect.poll(statusOnPage).toBe('Active');
    await page.getByRole('cell', { name: 'OK' }).first().waitFor();
    await screenshot(page, 'panel-03-site-active');
  });

  it('locks the site with a reason, which the appliance answers with (423) after its licence refresh, and unlocks it', async () => {
    await page.getByRole('button', { name: 'Lock' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lock “Ταβέρνα Το Κύμα”?' });
    await dialog.getByLabel('Reason (the restaurant sees it)').fill('Unpaid invoice 2026-11');
    await dialog.getByRole('button', { name: 'Lock' }).click();
    await expect.poll(statusOnPage).toBe('Locked');
    await screenshot(page, 'panel-04-locked');
    const refused = await applianceLicence();
    expect(refused.status).toBe(423);
    expect(JSON.stringify(refused.body)).toContain('Unpaid invoice 2026-11');

    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(statusOnPage).toBe('Active');
    expect((await applianceLicence()).status).toBe(200);
  });

  it('rotates the key: the new one is shown once and the old key’s heartbeat is refused in the history', async () => {
    await page.getByRole('button', { name: 'Rotate key' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate key' }).click();
    const newKey = await page.getByTestId('site-key').textContent();
    expect(newKey).not.toBe(siteKey);
    await page.getByRole('button', { name: 'I have it' }).click();
    const maria = await appliance!.login('maria');
    clock.advance(11_000);
    await appliance!.call('POST', '/api/system/license/refresh', { token: maria });
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByRole('heading', { name: 'Heartbeat history' }).waitFor();
          await page.waitForLoadState('networkidle');
          return page.getByRole('cell', { name: 'Wrong key' }).count();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    await screenshot(page, 'panel-05-wrong-key-in-history');
  });

  it('shows a viewer no write buttons, and the API refuses a viewer’s write', async () => {
    expect((await cloud.admin('POST', '/api/admins', { username: 'vera', password: 'a long viewer password', role: 'viewer' })).status).toBe(201);
    const viewer = await openPage();
    await signIn(viewer, 'vera', 'a long viewer password');
    await viewer.getByRole('link', { name: 'Ταβέρνα Το Κύμα' }).click();
    await viewer.getByRole('heading', { name: 'Heartbeat history' }).waitFor();
    for (const name of ['Lock', 'Unlock', 'Rotate key', 'Deregister', 'Edit', 'Extend'])
      expect(await viewer.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await viewer.getByRole('link', { name: 'Admins' }).count()).toBe(0);
    await screenshot(viewer, 'panel-06-viewer');
    const token = await viewer.evaluate(() => JSON.parse(sessionStorage.getItem('tavli.panel.session') ?? '{}').state?.token as string);
    const write = await fetch(`${cloud.url}/api/sites/${siteId}/lock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'viewer' }),
    });
    expect(write.status).toBe(403);
    await viewer.context().close();
  });

  it('works on a 390 px phone: the list, the site and the activity log fit the screen', async () => {
    await page.setViewportSize(PHONE);
    for (const [path, name] of [
      ['/admin/', 'panel-07-phone-sites'],
      [`/admin/sites/${siteId}`, 'panel-08-phone-site'],
      ['/admin/activity', 'panel-09-phone-activity'],
    ] as const) {
      await page.goto(`${cloud.url}${path}`);
      await page.getByRole('navigation').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(0);
      await screenshot(page, name);
    }
    await page.getByRole('cell', { name: 'Locked a site' }).first().waitFor();
  });

  it('every screen, signed out and in, has no serious or critical accessibility violation (axe-core, WCAG 2.2 AA)', async () => {
    const fresh = await openPage();
    await fresh.goto(`${cloud.url}/admin/`);
    await fresh.getByLabel('Username').waitFor();
    await expectAccessible(fresh, 'the sign-in');
    await fresh.context().close();
    await page.setViewportSize(LAPTOP);
    for (const path of ['/admin/', `/admin/sites/${siteId}`, '/admin/register', '/admin/admins', '/admin/activity', '/admin/account']) {
      await page.goto(`${cloud.url}${path}`);
      await page.getByRole('navigation').waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, path);
    }
  });
});
