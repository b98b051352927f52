import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFromEnvironment } from './main.js';
import { startDemoPrinters } from './printing/emulator/demo-printers.js';

// `npm start`: the appliance with the demo taverna, kept in its own data folder, and its two
// printers emulated on loopback so tickets appear in this console.
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const env = {
  DATA_DIR: path.join(packageRoot, '.data', 'demo'),
  SEED_FIXTURE: path.join(packageRoot, 'fixtures', 'taverna.json'),
  ...process.env,
};
if (env.SEED_FIXTURE) await startDemoPrinters(env.SEED_FIXTURE);
await runFromEnvironment(env);
