import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '@tavli/test-kit/http-request';
import { factories } from '../test/factories.js';
import { openEventStream } from '../test/event-stream.js';
import { withAppliance } from '../test/harness.js';
import { emulatedPrinters, eventually, FAST_PRINTING, type TestPrinters } from '../test/printers.js';

/** The value of one sample line, e.g. `tavli_print_attempts_total{result="printed"}`. */
const sample = (scrape: string, series: string) =>
  Number(
    scrape
      .split('\n')
      .find((line) => line.startsWith(`${series} `))
      ?.split(' ')[1] ?? Number.NaN,
  );

describe('metrics for Prometheus', () => {
  const app = withAppliance({ env: { ...FAST_PRINTING, METRICS_PORT: '0' } });
  let printers: TestPrinters;
  beforeAll(async () => {
    printers = await emulatedPrinters(app, { bar: 'refuse' });
  });
  afterAll(() => printers.stop());

  const scrape = async () => (await request(`http://127.0.0.1:${app.appliance.metricsPort}/metrics`, { method: 'GET', headers: {} })).body;

  it('show the print queue and its failures, group commits and their fsync time, and the open event streams', async () => {
    const f = factories(app);
    const nikos = await app.login('nikos');
    const stream = openEventStream(app.url, nikos);
    await stream.ready;
    const order = await f.openOrder(nikos);
    const octopus = f.line((await f.productNamed('Χταπόδι στα κάρβουνα')).id);
    const ouzo = f.line((await f.productNamed('Ούζο Πλωμαρίου 200ml')).id);
    expect((await f.addLines(nikos, order.id, [octopus, ouzo])).status).toBe(201);
    await printers.kitchen.waitForTickets(1);

    const metrics = await eventually(async () => {
      const text = await scrape();
      const settled = sample(text, 'tavli_print_attempts_total{result="failed"}') >= 1 && sample(text, 'tavli_print_attempts_total{result="printed"}') === 1;
      return settled && text;
    });
    expect(sample(metrics, `tavli_print_queue_jobs{printer="${printers.barId}"}`)).toBe(1);
    expect(sample(metrics, `tavli_print_queue_jobs{printer="${printers.kitchenId}"}`)).toBeNaN();
    expect(sample(metrics, 'tavli_group_commit_writes_count')).toBeGreaterThan(0);
    expect(sample(metrics, 'tavli_commit_fsync_seconds_count')).toBe(sample(metrics, 'tavli_group_commit_writes_count'));
    expect(sample(metrics, 'tavli_event_streams_open')).toBe(1);
    expect(sample(metrics, 'http_request_duration_seconds_count{method="POST",route="/api/orders/:id/items",status="201"}')).toBe(1);
    stream.close();
    expect((await app.call('GET', '/metrics')).status).toBe(404);
  });
});
