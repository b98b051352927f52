#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startEmulator, type EmulatorMode } from './emulator.js';
import { formatTicket } from './format.js';

// npm -w appliance run printer -- --port 9100 --name Κουζίνα [--host 0.0.0.0] [--mode stall] [--columns 48]
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9100' },
    host: { type: 'string', default: '127.0.0.1' },
    name: { type: 'string', default: 'Εκτυπωτής' },
    mode: { type: 'string', default: 'normal' },
    columns: { type: 'string', default: '48' },
  },
});

const modes: EmulatorMode[] = ['normal', 'refuse', 'stall', 'drop'];
const mode = values.mode as EmulatorMode;
if (!modes.includes(mode)) {
  console.error(`--mode must be one of ${modes.join(', ')}`);
  process.exit(2);
}

const columns = Number(values.columns);
const printer = await startEmulator({
  port: Number(values.port),
  host: values.host,
  name: values.name,
  mode,
  onTicket: (ticket) => console.log(formatTicket(ticket, columns)),
});
console.log(`Emulated ESC/POS printer "${printer.name}" on ${values.host}:${printer.port} (${mode})`);

const stop = () => {
  void printer.stop().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
