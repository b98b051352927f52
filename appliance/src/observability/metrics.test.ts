import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrapeMetrics } from '@tavli/test-kit/metrics';
import { factories } from '../test/factories.js';
import { openEventStream } from '../test/event-stream.js';
import { withAppliance } from '../test/harness.js';
import { emulatedPrinters, eventually, FAST_PRINTING, type TestPrinters } from '../test/printers.js';

describe('metrics for Prometheus', () => {
  const app = withAppliance({ env: { ...FAST_PRINTING, METRICS_PORT: '0' } });
  let printers: TestPrinters;
  beforeAll(async () => {
    printers = await emulatedPrinters(app, { bar: 'refuse' });
  });
  afterAll(() => printers.stop());

  const scrape = () => scrapeMetrics(`http://127.0.0.1:${app.appliance.metricsPort}/metrics`);

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
      const scraped = await scrape();
      const settled =
        scraped.sample('tavli_print_attempts_total{result="failed"}') >= 1 && scraped.sample('tavli_print_attempts_total{result="printed"}') === 1;
      return settled && scraped;
    });
    expect(metrics.sample(`tavli_print_queue_jobs{printer="${printers.barId}"}`)).toBe(1);
    expect(metrics.sample(`tavli_print_queue_jobs{printer="${printers.kitchenId}"}`)).toBeNaN();
    expect(metrics.sample('tavli_group_commit_writes_count')).toBeGreaterThan(0);
    expect(metrics.sample('tavli_commit_fsync_seconds_count')).toBe(metrics.sample('tavli_group_commit_writes_count'));
    expect(metrics.sample('tavli_event_streams_open')).toBe(1);
    expect(metrics.sample('http_request_duration_seconds_count{method="POST",route="/api/orders/:id/items",status="201"}')).toBe(1);
    stream.close();
    expect((await app.call('GET', '/metrics')).status).toBe(404);
  });
});
