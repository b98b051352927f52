import path from 'node:path';
import { publishedApiDocument } from '@tavli/test-kit/api-document';
import { loadConfig } from '../config.js';
import { startAppliance } from '../main.js';

/** Where the API document is kept in the repository, for integrators to read and diff (`npm run openapi`). */
export const API_DOCUMENT_FILE = path.resolve(import.meta.dirname, '../../openapi.json');

/** The document this build publishes; licence enforcement and HTTPS do not change it. */
export const applianceApiDocument = () =>
  publishedApiDocument((dataDir) =>
    startAppliance(loadConfig({ PORT: '0', HOST: '127.0.0.1', HTTPS_PORT: 'off', DATA_DIR: dataDir, LICENSE_ENFORCEMENT: 'off' })),
  );
