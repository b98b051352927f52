import { beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '@tavli/printer-emulator/emulator';
import { sendToPrinter } from './transport.js';
import { withAppliance } from '../test/harness.js';
import { FAST_PRINTING } from '../test/printers.js';

describe('managing printers', () => {
  const app = withAppliance({ env: FAST_PRINTING });
  let maria: string;
  let nikos: string;
  beforeAll(async () => {
    maria = await app.login('maria');
    nikos = await app.login('nikos');
  });

  const create = (body: Record<string, unknown>) => app.call('POST', '/api/printers', { token: maria, body });

  it('creates a printer with the defaults of an 80 mm CP737 printer and lists it with its live state', async () => {
    const created = await create({ name: 'Ψησταριά', ip_address: '192.168.1.50' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      port: 9100,
      is_active: true,
      code_page: 29,
      encoding: 'cp737',
      columns: 48,
      fallback_printer_id: null,
      is_bill_printer: false,
      online: null,
      queued: 0,
    });
    const list = await app.call('GET', '/api/printers/', { token: maria });
    expect(list.body.map((p: { name: string }) => p.name)).toContain('Ψησταριά');
  });

  it('keeps omitted fields on a partial update and allows one bill printer at a time', async () => {
    const created = (await create({ name: 'Ταμείο', ip_address: '10.0.0.9', columns: 32 })).body;
    const updated = await app.call('PUT', `/api/printers/${created.id}`, { token: maria, body: { is_bill_printer: true } });
    expect(updated.body).toMatchObject({ columns: 32, ip_address: '10.0.0.9', is_bill_printer: true });
    const bills = (await app.call('GET', '/api/printers', { token: maria })).body.filter((p: { is_bill_printer: boolean }) => p.is_bill_printer);
    expect(bills.map((p: { id: number }) => p.id)).toEqual([created.id]);
  });

  it('refuses an unknown encoding, a printer as its own fallback, and a taken name with clear errors', async () => {
    expect((await create({ name: 'Α', ip_address: '10.0.0.1', encoding: 'klingon' })).body.error.code).toBe('unknown_encoding');
    const printer = (await create({ name: 'Β', ip_address: '10.0.0.2' })).body;
    expect((await app.call('PUT', `/api/printers/${printer.id}`, { token: maria, body: { fallback_printer_id: printer.id } })).status).toBe(400);
    expect((await create({ name: 'Β', ip_address: '10.0.0.3' })).status).toBe(409);
    expect((await create({ name: 'Γ', ip_address: 'not an ip!' })).status).toBe(400);
  });

  it('will not delete a printer products still print on, and deletes one nothing needs', async () => {
    const kitchen = (await app.call('GET', '/api/printers', { token: maria })).body.find((p: { name: string }) => p.name === 'Κουζίνα');
    const refused = await app.call('DELETE', `/api/printers/${kitchen.id}`, { token: maria });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('printer_in_use');
    const spare = (await create({ name: 'Εφεδρικός', ip_address: '10.0.0.4' })).body;
    expect((await app.call('DELETE', `/api/printers/${spare.id}`, { token: maria })).status).toBe(200);
    expect((await app.call('GET', `/api/printers/${spare.id}`, { token: maria })).status).toBe(404);
  });

  it('keeps printer settings to managers but shows every waiter which printers are up', async () => {
    expect((await app.call('GET', '/api/printers', { token: nikos })).status).toBe(403);
    expect((await create({ name: 'Χ', ip_address: '10.0.0.5' })).status).toBe(201);
    expect((await app.call('POST', '/api/printers', { token: nikos, body: { name: 'Ψ', ip_address: '10.0.0.6' } })).status).toBe(403);
    const status = await app.call('GET', '/api/printers/status', { token: nikos });
    expect(status.status).toBe(200);
    expect(status.body[0]).toEqual({
      id: expect.any(Number),
      name: expect.any(String),
      online: null,
      queued: 0,
      oldest_queued_at: null,
      last_success_at: null,
      last_error: null,
      last_error_at: null,
    });
  });

  it('prints a test page with the Greek alphabet and a 48-column ruler, and says when the printer did not take it', async () => {
    const emulator = await startEmulator({ name: 'Δοκιμή' });
    const printer = (await create({ name: 'Δοκιμή', ip_address: '127.0.0.1', port: emulator.port })).body;
    const printed = await app.call('POST', `/api/printers/${printer.id}/test`, { token: maria });
    expect(printed.body).toEqual({ printed: true, duration_ms: expect.any(Number) });
    const [page] = await emulator.waitForTickets(1);
    expect(page!.text).toContain('ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ');
    expect(page!.text).toContain('αβγδεζηθικλμνξοπρσςτυφχψω');
    expect(page!.text).toContain('ΆΈΉΊΌΎΏ ΪΫ άέήίόύώ ϊϋ');
    expect(page!.lines.some((line) => line.text.length === 48 && line.text.startsWith('....+....1'))).toBe(true);
    await emulator.stop();
    const failed = await app.call('POST', `/api/printers/${printer.id}/test`, { token: maria });
    // Printed or not, and nothing about why: a refused port and a silent one look the same from outside.
    expect(failed.body).toEqual({ printed: false, duration_ms: expect.any(Number) });
    expect((await app.call('GET', `/api/printers/${printer.id}`, { token: maria })).body).toMatchObject({ online: false, last_success_at: expect.any(String) });
  });

  it('prints only to the restaurant’s network, and only in a single-byte code page', async () => {
    for (const ip_address of ['8.8.8.8', '2001:4860:4860::8888']) {
      const refused = await create({ name: `Έξω ${ip_address}`, ip_address });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('invalid_printer_address');
    }
    for (const encoding of ['utf8', 'utf-16le', 'utf32', 'shift_jis']) {
      const refused = await create({ name: `Κωδικοσελίδα ${encoding}`, ip_address: '192.168.1.60', encoding });
      expect(refused.status, encoding).toBe(400);
      expect(refused.body.error.code).toBe('unknown_encoding');
    }
    for (const encoding of ['cp737', 'cp1253', 'iso-8859-7', 'cp437']) {
      expect((await create({ name: `Κωδικοσελίδα ${encoding}`, ip_address: '192.168.1.61', encoding })).status, encoding).toBe(201);
    }
  });

  it('never connects to an address off the restaurant’s network, whatever is stored', async () => {
    await expect(sendToPrinter({ ip_address: '8.8.8.8', port: 9100 }, Buffer.from('x'), { connectMs: 50, writeMs: 50 })).rejects.toThrow(
      /not on the restaurant's network/,
    );
  });
});
