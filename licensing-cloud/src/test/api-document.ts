import path from 'node:path';
import { publishedApiDocument } from '@tavli/test-kit/api-document';
import { loadConfig } from '../config.js';
import { startCloud } from '../main.js';

/** Where the API document is kept in the repository, for integrators to read and diff (`npm run openapi`). */
export const API_DOCUMENT_FILE = path.resolve(import.meta.dirname, '../../openapi.json');

/** The document this build publishes (the database it runs on does not change it). */
export const cloudApiDocument = () => publishedApiDocument((dataDir) => startCloud(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir })));
