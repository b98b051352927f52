import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFromEnvironment } from './main.js';

// `npm start`: the appliance with the demo taverna, kept in its own data folder.
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await runFromEnvironment({
  DATA_DIR: path.join(packageRoot, '.data', 'demo'),
  SEED_FIXTURE: path.join(packageRoot, 'fixtures', 'taverna.json'),
  ...process.env,
});
