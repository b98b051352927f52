import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFromEnvironment } from '../src/main.js';
import { startDemoCloud } from './demo-cloud.js';
import { startDemoPrinters } from './demo-printers.js';
import { requireFreePorts } from './free-ports.js';

// `npm start`: the appliance with the demo taverna, kept in its own data folder; its two printers
// emulated on loopback so tickets appear in this console; and a local licensing cloud with the
// demo site registered on it, so the licence loop runs too.
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.DATA_DIR ?? path.join(packageRoot, '.data', 'demo');

const env = {
  DATA_DIR: dataDir,
  SEED_FIXTURE: path.join(packageRoot, 'fixtures', 'taverna.json'),
  ...process.env,
};
const cloudPort = Number(process.env.DEMO_CLOUD_PORT ?? 8001);
const httpsPort = process.env.HTTPS_PORT ?? '8443';
await requireFreePorts([
  { port: Number(process.env.PORT ?? 8000), variable: 'PORT' },
  ...(httpsPort === 'off' ? [] : [{ port: Number(httpsPort), variable: 'HTTPS_PORT' }]),
  ...(process.env.SITE_ID ? [] : [{ port: cloudPort, variable: 'DEMO_CLOUD_PORT' }]),
]);
if (env.SEED_FIXTURE) await startDemoPrinters(env.SEED_FIXTURE);
const cloud = process.env.SITE_ID ? undefined : await startDemoCloud({ dataDir: path.join(dataDir, 'licensing'), port: cloudPort });
await runFromEnvironment({ ...env, ...cloud?.env });
