import { startEmulator, type EmulatedPrinter, type EmulatorMode } from '@tavli/printer-emulator/emulator';
import type { TestAppliance } from './harness.js';

/** Short timeouts and retries, so a dead printer's story plays out in a test's time. */
export const FAST_PRINTING = {
  PRINTER_CONNECT_TIMEOUT_MS: '300',
  PRINTER_WRITE_TIMEOUT_MS: '400',
  PRINTER_RETRY_MIN_MS: '20',
  PRINTER_RETRY_MAX_MS: '100',
};

export type TestPrinters = { kitchen: EmulatedPrinter; bar: EmulatedPrinter; kitchenId: number; barId: number; stop(): Promise<void> };

/** Emulated kitchen and bar printers on loopback, with the seeded printers pointed at them. */
export async function emulatedPrinters(app: TestAppliance, modes: { kitchen?: EmulatorMode; bar?: EmulatorMode } = {}): Promise<TestPrinters> {
  const maria = await app.login('maria');
  const kitchen = await startEmulator({ name: 'Κουζίνα' });
  const bar = await startEmulator({ name: 'Μπαρ' });
  const printers: Array<{ id: number; name: string }> = (await app.call('GET', '/api/printers', { token: maria })).body;
  const idOf = (name: string) => printers.find((printer) => printer.name === name)!.id;
  const kitchenId = idOf('Κουζίνα');
  const barId = idOf('Μπαρ');
  if (modes.kitchen) await kitchen.setMode(modes.kitchen);
  if (modes.bar) await bar.setMode(modes.bar);
  for (const [id, port] of [
    [kitchenId, kitchen.port],
    [barId, bar.port],
  ] as const) {
    const response = await app.call('PUT', `/api/printers/${id}`, { token: maria, body: { port, fallback_printer_id: null } });
    if (response.status !== 200) throw new Error(`pointing printer ${id} at the emulator: ${response.status}`);
  }
  return { kitchen, bar, kitchenId, barId, stop: async () => void (await Promise.all([kitchen.stop(), bar.stop()])) };
}

/** Polls `check` until it returns something truthy. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 3000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
