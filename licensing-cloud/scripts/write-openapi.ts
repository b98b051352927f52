// Writes openapi.json: the API document as this build publishes it (`npm run openapi`).
import fs from 'node:fs';
import { apiDocumentText } from '@tavli/test-kit/api-document';
import { API_DOCUMENT_FILE, cloudApiDocument } from '../src/test/api-document.js';

fs.writeFileSync(API_DOCUMENT_FILE, apiDocumentText(await cloudApiDocument()));
console.log(`wrote ${API_DOCUMENT_FILE}`);
