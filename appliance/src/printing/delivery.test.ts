import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../test/event-stream.js';
import { factories } from '../test/factories.js';
import { startTestAppliance, withAppliance } from '../test/harness.js';
import { emulatedPrinters, eventually, FAST_PRINTING, type TestPrinters } from '../test/printers.js';

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe('delivering tickets whatever the printers do', () => {
  const app = withAppliance({ env: { ...FAST_PRINTING, PRINTER_WRITE_TIMEOUT_MS: '3000', PRINTER_FALLBACK_AFTER_S: '0.3' } });
  let f: ReturnType<typeof factories>;
  let nikos: string;
  let maria: string;
  let printers: TestPrinters | undefined;
  beforeAll(async () => {
    f = factories(app);
    nikos = await app.login('nikos');
    maria = await app.login('maria');
  });
  afterEach(async () => {
    const waiting = (await app.call('GET', '/api/printers/jobs?status=queued', { token: maria })).body;
    for (const job of waiting) await app.call('POST', `/api/printers/jobs/${job.id}/cancel`, { token: maria });
    await printers?.stop();
  });

  /** The newest job of a printer once it has printed (the printer has the paper a moment before the appliance hears so). */
  const printedJob = (printerId: number) =>
    eventually(async () => {
      const [job] = (await app.call('GET', `/api/printers/jobs?printer_id=${printerId}`, { token: maria })).body;
      return job?.status === 'printed' && job;
    });

  const lineOf = async (orderId: string, lineId: string) =>
    (await app.call('GET', `/api/orders/${orderId}`, { token: nikos })).body.items.find((item: { id: string }) => item.id === lineId);

  it('answers the order at once while the kitchen printer is down, tells the waiter, and prints it once when the printer is back', async () => {
    printers = await emulatedPrinters(app, { kitchen: 'refuse' });
    const events = openEventStream(app.url, nikos);
    await events.ready;
    const order = await f.openOrder(nikos);
    const line = f.line((await f.productNamed('Τζατζίκι')).id);
    const started = Date.now();
    const added = await f.addLines(nikos, order.id, [line]);
    expect(added.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(1000);
    const offline = await events.next((e) => e.event === 'printer.updated' && e.data.id === printers!.kitchenId && e.data.online === false, 3000);
    expect(offline.data).toMatchObject({ name: 'Κουζίνα', online: false, queued: 1, last_error: expect.stringContaining('ECONNREFUSED') });
    expect(await lineOf(order.id, line.id)).toMatchObject({ status: 'pending', print_status: 'failed' });

    await printers.kitchen.setMode('normal');
    await printers.kitchen.waitForTickets(1, 3000);
    await events.next((e) => e.event === 'printer.updated' && e.data.id === printers!.kitchenId && e.data.online === true, 3000);
    await settle();
    expect(printers.kitchen.tickets).toHaveLength(1);
    expect(await lineOf(order.id, line.id)).toMatchObject({ status: 'sent', print_status: 'printed' });
    events.close();
  });

  it('never lets a dead kitchen printer hold up the bar', async () => {
    printers = await emulatedPrinters(app, { kitchen: 'stall' });
    const order = await f.openOrder(nikos);
    await f.addLines(nikos, order.id, [f.line((await f.productNamed('Μουσακάς')).id)]);
    const answeredAt = performance.timeOrigin + performance.now();
    await f.addLines(nikos, order.id, [f.line((await f.productNamed('Μπίρα Άλφα 500ml')).id)]);
    const [beer] = await printers.bar.waitForTickets(1, 2000);
    // Behind the kitchen's hung connection it would wait out the 3 s write timeout.
    expect(beer!.receivedAt - answeredAt).toBeLessThan(1000);
    expect(printers.kitchen.tickets).toHaveLength(0);
  });

  it('prints the whole ticket again, with the same job number, after a connection dropped mid-ticket', async () => {
    printers = await emulatedPrinters(app, { kitchen: 'drop' });
    const order = await f.openOrder(nikos);
    await f.addLines(nikos, order.id, [f.line((await f.productNamed('Φάβα Σαντορίνης')).id)]);
    await eventually(async () => printers!.kitchen.fragments.length > 0, 3000, 'a dropped connection');
    await printers.kitchen.setMode('normal');
    const [ticket] = await printers.kitchen.waitForTickets(1, 3000);
    expect(ticket!.text).toContain('1 x Φάβα Σαντορίνης');
    expect(printers.kitchen.fragments[0]!.jobNumber).toBe(ticket!.jobNumber);
    const job = await printedJob(printers.kitchenId);
    expect(job.id).toBe(ticket!.jobNumber);
    expect(job.attempts).toBeGreaterThan(1);
  });

  it('sends the kitchen’s tickets to its fallback printer, naming the kitchen, once it has been down long enough', async () => {
    printers = await emulatedPrinters(app, { kitchen: 'refuse' });
    await app.call('PUT', `/api/printers/${printers.kitchenId}`, { token: maria, body: { fallback_printer_id: printers.barId } });
    const order = await f.openOrder(nikos);
    await f.addLines(nikos, order.id, [f.line((await f.productNamed('Τζατζίκι')).id)]);
    const [ticket] = await printers.bar.waitForTickets(1, 3000);
    expect(ticket!.text).toContain('ΕΦΕΔΡΙΚΗ ΕΚΤΥΠΩΣΗ - ΓΙΑ: Κουζίνα');
    expect(ticket!.text).toContain('1 x Τζατζίκι');
    expect(await printedJob(printers.kitchenId)).toMatchObject({ printer_id: printers.kitchenId, printed_on: printers.barId });

    await printers.kitchen.setMode('normal');
    await settle(150);
    await f.addLines(nikos, order.id, [f.line((await f.productNamed('Ταραμοσαλάτα')).id)]);
    const [back] = await printers.kitchen.waitForTickets(1, 3000);
    expect(back!.text).not.toContain('ΕΦΕΔΡΙΚΗ');
    expect(printers.bar.tickets).toHaveLength(1);
  });

  it('shows a manager the waiting ticket as text and lets them cancel it, after which it never prints', async () => {
    printers = await emulatedPrinters(app, { kitchen: 'refuse' });
    const order = await f.openOrder(nikos);
    const line = f.line((await f.productNamed('Τζατζίκι')).id);
    await f.addLines(nikos, order.id, [line]);
    const [job] = (await app.call('GET', `/api/printers/jobs?printer_id=${printers.kitchenId}&status=queued`, { token: maria })).body;
    expect(job.preview_text).toMatch(new RegExp(`#${job.id}[\\s\\S]*1 x Τζατζίκι`));
    expect((await app.call('POST', `/api/printers/jobs/${job.id}/cancel`, { token: nikos })).status).toBe(403);
    const cancelled = await app.call('POST', `/api/printers/jobs/${job.id}/cancel`, { token: maria });
    expect(cancelled.body).toMatchObject({ id: job.id, status: 'cancelled' });
    expect((await app.call('POST', `/api/printers/jobs/${job.id}/cancel`, { token: maria })).status).toBe(409);
    expect(await lineOf(order.id, line.id)).toMatchObject({ status: 'sent', print_status: 'cancelled' });
    await printers.kitchen.setMode('normal');
    await settle();
    expect(printers.kitchen.tickets).toHaveLength(0);
  });
});

describe('a restart with tickets still waiting', () => {
  it('prints them after start-up, once', async () => {
    const app = await startTestAppliance({ env: FAST_PRINTING });
    const printers = await emulatedPrinters(app, { kitchen: 'refuse' });
    const nikos = await app.login('nikos');
    const f = factories(app);
    const order = await f.openOrder(nikos);
    await f.addLines(nikos, order.id, [f.line((await f.productNamed('Τζατζίκι')).id), f.line((await f.productNamed('Μουσακάς')).id)]);
    await app.restart();
    await printers.kitchen.setMode('normal');
    const [ticket] = await printers.kitchen.waitForTickets(1, 3000);
    expect(ticket!.text).toContain('1 x Τζατζίκι');
    expect(ticket!.text).toContain('1 x Μουσακάς');
    await settle();
    expect(printers.kitchen.tickets).toHaveLength(1);
    await app.stop();
    await printers.stop();
  });
});

describe('a manager retrying a waiting job', () => {
  const app = withAppliance({ env: { ...FAST_PRINTING, PRINTER_RETRY_MIN_MS: '30000', PRINTER_RETRY_MAX_MS: '30000' } });

  it('prints it at once instead of at the printer’s next scheduled try, and only while it waits', async () => {
    const f = factories(app);
    const [nikos, maria] = [await app.login('nikos'), await app.login('maria')];
    const printers = await emulatedPrinters(app, { kitchen: 'refuse' });
    try {
      const order = await f.openOrder(nikos);
      await f.addLines(nikos, order.id, [f.line((await f.productNamed('Τζατζίκι')).id)]);
      const jobsUrl = `/api/printers/jobs?printer_id=${printers.kitchenId}`;
      const job = await eventually(async () =>
        (await app.call('GET', jobsUrl, { token: maria })).body.find((row: { last_error: string | null }) => row.last_error),
      );
      const kitchen = (await app.call('GET', '/api/printers/status', { token: nikos })).body.find((row: { id: number }) => row.id === printers.kitchenId);
      expect(kitchen).toMatchObject({ online: false, queued: 1, oldest_queued_at: job.created_at });
      await printers.kitchen.setMode('normal');
      await settle();
      expect(printers.kitchen.tickets).toHaveLength(0);

      expect((await app.call('POST', `/api/printers/jobs/${job.id}/retry`, { token: nikos })).status).toBe(403);
      const retried = await app.call('POST', `/api/printers/jobs/${job.id}/retry`, { token: maria });
      expect(retried.status).toBe(202);
      expect(retried.body).toMatchObject({ id: job.id, status: 'queued' });
      const [ticket] = await printers.kitchen.waitForTickets(1, 2000);
      expect(ticket!.text).toContain('1 x Τζατζίκι');
      await eventually(async () =>
        (await app.call('GET', jobsUrl, { token: maria })).body.find((row: { id: number; status: string }) => row.id === job.id && row.status === 'printed'),
      );

      const again = await app.call('POST', `/api/printers/jobs/${job.id}/retry`, { token: maria });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('job_not_queued');
    } finally {
      await printers.stop();
    }
  });
});
