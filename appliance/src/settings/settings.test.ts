import { beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../test/factories.js';
import { withAppliance } from '../test/harness.js';
import { emulatedPrinters, eventually } from '../test/printers.js';

describe('the restaurant’s settings', () => {
  const app = withAppliance();
  let maria: string;
  let nikos: string;
  const put = (body: unknown, token = maria) => app.call('PUT', '/api/settings', { token, body });

  beforeAll(async () => {
    maria = await app.login('maria');
    nikos = await app.login('nikos');
  });

  it('show the demo restaurant’s name, address and VAT number, with the appliance’s zone and currency', async () => {
    const response = await app.call('GET', '/api/settings', { token: nikos });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      restaurant_name: 'Ταβέρνα «Το Τάβλι»',
      restaurant_address: 'Οδός Αιόλου 12, Αθήνα',
      vat_number: 'EL123456789',
      business_day_start: '05:00',
      language: 'el',
      time_zone: 'Europe/Athens',
      currency: 'EUR',
    });
  });

  it('print what the manager changes on the next bill, and audit the change', async () => {
    expect((await put({ restaurant_name: 'Ουζερί Η Λέσβος', vat_number: 'EL999999999' })).body).toMatchObject({ restaurant_name: 'Ουζερί Η Λέσβος' });
    const printers = await emulatedPrinters(app);
    try {
      const f = factories(app);
      const order = await f.openOrder(nikos);
      await f.addLines(nikos, order.id, [f.line((await f.productNamed('Ούζο Πλωμαρίου 200ml')).id)]);
      expect((await app.call('POST', `/api/orders/${order.id}/bill`, { token: nikos })).status).toBe(202);
      const bill = await eventually(async () => printers.bar.tickets.find((ticket) => ticket.text.includes('ΛΟΓΑΡΙΑΣΜΟΣ')));
      expect(bill.lines[0]!.text).toBe('Ουζερί Η Λέσβος');
      expect(bill.text).toContain('ΑΦΜ EL999999999');
    } finally {
      await printers.stop();
    }
    const [change] = (await app.call('GET', '/api/audit?type=settings_changed', { token: maria })).body.entries;
    expect(change.details).toEqual({
      restaurant_name: { from: 'Ταβέρνα «Το Τάβλι»', to: 'Ουζερί Η Λέσβος' },
      vat_number: { from: 'EL123456789', to: 'EL999999999' },
    });
  });

  it('move where a business day begins for the reports', async () => {
    expect((await put({ business_day_start: '07:30' })).status).toBe(200);
    const report = await app.call('GET', '/api/reports/shift?from=2020-06-14', { token: maria });
    expect(report.body.from).toBe('2020-06-14T04:30:00.000Z');
  });

  it('are changed by managers only, and refuse what they cannot use', async () => {
    expect((await put({ restaurant_name: 'Χ' }, nikos)).status).toBe(403);
    for (const body of [{ business_day_start: '25:00' }, { language: 'de' }, { restaurant_name: '' }, { time_zone: 'UTC' }]) {
      const response = await put(body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
    }
  });
});
