import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAppliance } from '../test/harness.js';
import { emulatedPrinters, FAST_PRINTING, type TestPrinters } from '../test/printers.js';
import { announceAtBoot } from './boot-announcement.js';

describe('the address printed at boot', () => {
  const app = withAppliance({ env: FAST_PRINTING });
  let printers: TestPrinters;
  beforeAll(async () => {
    printers = await emulatedPrinters(app);
  });
  afterAll(() => printers.stop());
  const announce = (bootId: string) =>
    announceAtBoot({ ...app.appliance.ctx, config: { ...app.appliance.ctx.config, announceAtBoot: true } }, app.appliance.services, bootId).done;

  it('prints where the appliance answers on the bill printer, once per boot', async () => {
    expect(await announce('boot-1')).toBe(true);
    const [ticket] = await printers.bar.waitForTickets(1); // the demo's bill printer is the bar's
    expect(ticket!.text).toContain('ΤΟ TAVLI ΕΙΝΑΙ ΕΤΟΙΜΟ');
    expect(ticket!.text).toContain(`Το Tavli είναι έτοιμο στο http://tavli.local:${app.appliance.ctx.config.port}`);
    expect(await announce('boot-1')).toBe(false); // a restart of the service is not a boot
    expect(await announce('boot-2')).toBe(true);
    expect(printers.bar.tickets).toHaveLength(2);
    expect(printers.kitchen.tickets).toHaveLength(0);
  });

  it('is not printed unless the image asks for it', async () => {
    expect(await announceAtBoot(app.appliance.ctx, app.appliance.services, 'boot-3').done).toBe(false);
  });
});
