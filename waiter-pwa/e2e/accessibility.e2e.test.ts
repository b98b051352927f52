import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '@tavli/test-kit/accessibility';
import { recordCspRefusals } from '@tavli/test-kit/browser';
import { keepEvidenceOfFailures, launchChromium, openPhone, startTestAppliance, tableTile, type TestAppliance } from './support';

describe('every main screen of the waiter app, for screen readers, voice control and sunlight (axe-core, WCAG 2.2 AA)', () => {
  let appliance: TestAppliance;
  let browser: Browser;

  beforeAll(async () => {
    [appliance, browser] = await Promise.all([startTestAppliance(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await appliance?.stop();
  });
  keepEvidenceOfFailures();

  it('sign-in, tables, order, options sheet and payment have no serious or critical violation', async () => {
    const { page } = await openPhone(browser);
    const refused = recordCspRefusals(page);
    const response = await page.goto(`${appliance.url}/waiter/`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await page.getByRole('button', { name: 'Νίκος Γεωργίου' }).waitFor();
    await expectAccessible(page, 'the staff list');
    await page.getByRole('button', { name: 'Νίκος Γεωργίου' }).click();
    await expectAccessible(page, 'the PIN pad');
    for (const digit of '1357') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Είσοδος' }).click();
    await tableTile(page, '4').waitFor();
    await expectAccessible(page, 'the tables');

    await tableTile(page, '4').click();
    await page.getByRole('button', { name: 'Τζατζίκι' }).waitFor();
    await expectAccessible(page, 'the order');
    await page.getByRole('button', { name: 'Φάβα Σαντορίνης' }).click();
    await page.getByRole('dialog', { name: 'Φάβα Σαντορίνης' }).waitFor();
    await expectAccessible(page, 'the options sheet');
    await page.getByRole('button', { name: /^Προσθήκη/ }).click();
    await page.getByRole('button', { name: 'Αποστολή', exact: true }).click();
    await page
      .getByText(/Στάλθηκ/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Λογαριασμός' }).click();
    await page
      .getByRole('button', { name: /^Πληρωμή/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'the payment');
    // The split screens and the service worker load under the strict policy.
    expect(refused).toEqual([]);
  });
});
