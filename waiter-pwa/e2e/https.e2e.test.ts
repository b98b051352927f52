import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../src/features/order/api';
import {
  keepEvidenceOfFailures,
  launchChromium,
  openPhone,
  screenshot,
  signIn,
  startTestAppliance,
  tableTile,
  waitForOfflineCopy,
  waitForServiceWorker,
  type TestAppliance,
} from './support';

const LOCAL_NAME = { 'tavli.local': '127.0.0.1' };

describe('a phone that joined: the waiter app over HTTPS from the appliance’s own CA', () => {
  let appliance: TestAppliance;
  let joined: Browser;
  let stranger: Browser;
  let secureOrigin: string;
  let plainOrigin: string;

  beforeAll(async () => {
    appliance = await startTestAppliance({ env: { HTTPS_PORT: '0' } });
    const authority = fs.readFileSync(path.join(appliance.dataDir, 'tls', 'ca.crt'), 'utf8');
    [joined, stranger] = await Promise.all([launchChromium({ trust: authority, resolve: LOCAL_NAME }), launchChromium({ resolve: LOCAL_NAME })]);
    secureOrigin = `https://tavli.local:${appliance.appliance.httpsPort}`;
    plainOrigin = `http://tavli.local:${appliance.appliance.port}`;
  });
  afterAll(async () => {
    await Promise.all([joined?.close(), stranger?.close()]);
    await appliance?.stop();
  });
  keepEvidenceOfFailures();

  it('the join page sees the phone trusts the station and opens the waiter app over HTTPS, with no certificate error', async () => {
    const { page } = await openPhone(joined);
    await page.goto(`${plainOrigin}/join?platform=android`);
    await page.getByText('Έτοιμο: το κινητό εμπιστεύεται τον σταθμό.').waitFor();
    await screenshot(page, 'https-01-join-done');
    await page.getByRole('link', { name: 'Άνοιγμα της εφαρμογής σερβιτόρων' }).click();
    await page.waitForURL(`${secureOrigin}/waiter/**`);
    await page.getByRole('button', { name: 'Νίκος Γεωργίου' }).waitFor();
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
  });

  it('installs its service worker, opens offline with the last menu and tables, and sends a line added offline exactly once', async () => {
    const { context, page } = await openPhone(joined);
    const response = await page.goto(`${secureOrigin}/waiter/`);
    expect(response?.ok()).toBe(true);
    await waitForServiceWorker(page);
    await signIn(page, 'Νίκος Γεωργίου', '1357');
    await tableTile(page, '7').click();
    await page.getByRole('button', { name: 'Τζατζίκι' }).waitFor();
    const orderId = new URL(page.url()).hash.match(/order\/([0-9a-f-]{36})/)![1]!;
    const token = await appliance.login('nikos');
    const lines = async () => (await appliance.call<Order>('GET', `/api/orders/${orderId}`, { token })).body.items;
    await expect.poll(async () => (await appliance.call('GET', `/api/orders/${orderId}`, { token })).status, { timeout: 10_000 }).toBe(200);

    await waitForOfflineCopy(page, 'Τζατζίκι');
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Τζατζίκι' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Τζατζίκι' }).click();
    await page.getByRole('button', { name: 'Αποστολή', exact: true }).click();
    await page.getByText(/θα σταλούν μόλις επανέλθει η σύνδεση/).waitFor();
    await screenshot(page, 'https-02-offline-order');
    await page.goto(`${secureOrigin}/waiter/`);
    await tableTile(page, '3').waitFor({ timeout: 10_000 });
    await screenshot(page, 'https-03-offline-tables');
    expect(await lines()).toEqual([]);

    await context.setOffline(false);
    await expect.poll(async () => (await lines()).length, { timeout: 15_000 }).toBe(1);
    await page.waitForTimeout(3_000);
    expect((await lines()).map((line) => [line.name, line.quantity])).toEqual([['Τζατζίκι', 1]]);
  });

  it('a phone that has not joined meets the steps and an honest "not yet", and the browser offers it no way around the certificate', async () => {
    const { page } = await openPhone(stranger, { locale: 'en-GB' });
    await page.goto(`${plainOrigin}/join?platform=ios&lang=en`);
    await page.getByText('Download the station’s profile and tap “Allow”.').waitFor();
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText(/Not yet: this phone does not trust the station yet/).waitFor();
    await screenshot(page, 'https-04-join-not-yet');
    expect(await page.getByRole('link', { name: 'Open the waiter app' }).isVisible()).toBe(false);
    await expect(page.goto(`${secureOrigin}/waiter/`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
  });
});
