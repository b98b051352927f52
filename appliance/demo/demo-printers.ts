import fs from 'node:fs';
import { parseFixture } from '../src/seed/fixture.schema.js';
import { startEmulator, type EmulatedPrinter } from '@tavli/printer-emulator/emulator';
import { formatTicket } from '@tavli/printer-emulator/format';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * For `npm start`: an emulated printer for every loopback printer of the demo fixture, printing
 * its tickets to the console, so a newcomer sees real tickets come out. A port already taken
 * (a real emulator running, say) is left alone.
 */
export async function startDemoPrinters(fixtureFile: string): Promise<EmulatedPrinter[]> {
  const fixture = parseFixture(JSON.parse(fs.readFileSync(fixtureFile, 'utf8')));
  const started: EmulatedPrinter[] = [];
  for (const printer of fixture.printers.filter((p) => LOOPBACK.has(p.ip_address))) {
    try {
      const emulated = await startEmulator({
        port: printer.port,
        host: printer.ip_address,
        name: printer.name,
        onTicket: (ticket) => console.log(formatTicket(ticket, printer.columns)),
      });
      console.log(`Emulated printer "${printer.name}" on ${printer.ip_address}:${printer.port}`);
      started.push(emulated);
    } catch (error) {
      console.warn(`Not emulating "${printer.name}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return started;
}
