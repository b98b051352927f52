import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmulator, type EmulatedPrinter, type EmulatedTicket, type EmulatorMode } from '@tavli/printer-emulator/emulator';
import { createHttpClient, expectJson, type HttpClient } from './http-client.js';
import { summarise, type LatencySummary } from './stats.js';
import type { ItemAdd } from './table-session.js';

export type PrintLatencyResult = {
  /** Order answered → last byte of its ticket at the emulated printer, in ms. */
  latency: LatencySummary;
  /** Item-adds whose ticket never arrived before `finish` gave up. */
  unprinted: number;
  /** Tickets that matched no answered item-add: printed twice, or never asked for. */
  extra: number;
};

export type PrintLatencyProbe = {
  /** Lets a backlog (from a saturation phase, say) print before measuring again. */
  drain(): Promise<void>;
  /** Follows an answered item-add to its printer: pass it as runServiceLatency's `onItemAdded`. */
  onItemAdded(add: Pick<ItemAdd, 'ok' | 'orderId' | 'productId' | 'answeredAt'>): void;
  /** Takes every emulated printer down (`refuse`: connections refused) or brings it back (`normal`). */
  setMode(mode: EmulatorMode): Promise<void>;
  /** Waits for the tickets still due, points the printers back where they were, stops the emulators. */
  finish(timeoutMs?: number): Promise<PrintLatencyResult>;
};

type PrinterRow = { id: number; name: string; ip_address: string; port: number; is_active: boolean; queued: number };
type ProductRow = { id: number; printer_id: number | null };

/** A ticket's header says "Παρ. 3F2A1C": the first six hex digits of the order id. */
const shortNumber = (orderId: string) => orderId.replace(/-/g, '').slice(0, 6).toUpperCase();

/**
 * Print latency under the benchmark's load. Starts one emulated printer per active printer on
 * loopback, points the appliance's printers at them (as a manager, over the API), waits for any
 * backlog to print, then matches each answered item-add to its ticket: by printer and order, in
 * order, since one table's requests and one printer's jobs each go in sequence.
 *
 *   const probe = await startPrintLatency({ port, managerToken });
 *   await runServiceLatency(sessions, { onItemAdded: probe.onItemAdded });
 *   const { latency } = await probe.finish(); // latency.p50, latency.p99 (target p99 ≤ 100 ms)
 */
export async function startPrintLatency(options: { port: number; managerToken: string; drainTimeoutMs?: number }): Promise<PrintLatencyProbe> {
  const client: HttpClient = createHttpClient(options.port, { maxSockets: 4 });
  const token = options.managerToken;
  const get = async <T>(path: string) => expectJson<T>(await client.request('GET', path, { token }), 200, `GET ${path}`);
  const put = async (id: number, body: unknown) =>
    expectJson<unknown>(await client.request('PUT', `/api/printers/${id}`, { token, body }), 200, `PUT printer ${id}`);

  const printers = (await get<PrinterRow[]>('/api/printers')).filter((printer) => printer.is_active);
  const zoneOf = new Map((await get<ProductRow[]>('/api/products?all=true')).map((product) => [product.id, product.printer_id]));
  const latencies: number[] = [];
  const answered = new Map<string, number[]>();
  const printedFirst = new Map<string, number[]>();
  const push = (waiting: Map<string, number[]>, key: string, at: number) => waiting.set(key, [...(waiting.get(key) ?? []), at]);
  let expected = 0;

  const onAnswer = (key: string, answeredAt: number) => {
    const printedAt = printedFirst.get(key)?.shift();
    if (printedAt === undefined) push(answered, key, answeredAt);
    else latencies.push(Math.max(0, printedAt - answeredAt)); // the ticket beat the answer home
  };
  const onPrinted = (key: string, printedAt: number) => {
    const answeredAt = answered.get(key)?.shift();
    if (answeredAt === undefined) push(printedFirst, key, printedAt);
    else latencies.push(printedAt - answeredAt);
  };

  const emulators: EmulatedPrinter[] = [];
  let measuring = false;
  for (const printer of printers) {
    const onTicket = (ticket: EmulatedTicket) => {
      const order = /Παρ\. ([0-9A-F]{6})/.exec(ticket.text)?.[1];
      if (measuring && order) onPrinted(`${printer.id} ${order}`, ticket.receivedAt - performance.timeOrigin);
    };
    const emulator = await startEmulator({ name: printer.name, onTicket });
    emulators.push(emulator);
    await put(printer.id, { ip_address: '127.0.0.1', port: emulator.port });
  }

  /** Waits until every printer's backlog has printed, then starts matching afresh. */
  const drain = async () => {
    measuring = false;
    const drainBy = performance.now() + (options.drainTimeoutMs ?? 60_000);
    while ((await get<PrinterRow[]>('/api/printers')).some((printer) => printer.is_active && printer.queued > 0)) {
      if (performance.now() > drainBy) throw new Error('print latency: the printers’ backlog did not drain in time');
      await sleep(100);
    }
    answered.clear();
    printedFirst.clear();
    measuring = true;
  };
  await drain();

  return {
    drain,
    onItemAdded(add) {
      const zone = zoneOf.get(add.productId);
      if (!add.ok || zone === null || zone === undefined) return;
      expected++;
      onAnswer(`${zone} ${shortNumber(add.orderId)}`, add.answeredAt);
    },
    async setMode(mode) {
      await Promise.all(emulators.map((emulator) => emulator.setMode(mode)));
    },
    async finish(timeoutMs = 10_000) {
      const deadline = performance.now() + timeoutMs;
      while (latencies.length < expected && performance.now() < deadline) await sleep(20);
      measuring = false;
      for (const printer of printers) await put(printer.id, { ip_address: printer.ip_address, port: printer.port });
      await Promise.all(emulators.map((emulator) => emulator.stop()));
      client.close();
      const extra = [...printedFirst.values()].reduce((sum, waiting) => sum + waiting.length, 0);
      return { latency: summarise(latencies), unprinted: expected - latencies.length, extra };
    },
  };
}
