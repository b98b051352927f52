import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_DOCUMENT_FILE, cloudApiDocument } from '../test/api-document.js';

describe('the published API document', () => {
  it('is the one kept in the repository (run `npm run openapi -w licensing-cloud` after changing a route)', async () => {
    const kept: unknown = JSON.parse(fs.readFileSync(API_DOCUMENT_FILE, 'utf8'));
    expect(await cloudApiDocument()).toEqual(kept);
  });

  it('asks for the site id and key of a heartbeat as a security scheme, not as optional headers', () => {
    const document = JSON.parse(fs.readFileSync(API_DOCUMENT_FILE, 'utf8'));
    const beat = document.paths['/api/heartbeat'].post;
    expect(beat.security).toEqual([{ siteId: [], siteKey: [] }]);
    expect(beat.parameters ?? []).toEqual([]);
    expect(document.components.securitySchemes.siteKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-site-key' });
    expect(beat.responses['401'].content['application/json'].schema.properties.error.properties.code.enum).toEqual(['invalid_site_key']);
  });
});
