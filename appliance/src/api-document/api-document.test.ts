import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_DOCUMENT_FILE, applianceApiDocument } from '../test/api-document.js';

type Operation = { operationId?: string; summary?: string; tags?: string[]; security?: unknown[]; responses: Record<string, unknown> };

describe('the published API document', () => {
  it('is the one kept in the repository (run `npm run openapi -w appliance` after changing a route)', async () => {
    const kept: unknown = JSON.parse(fs.readFileSync(API_DOCUMENT_FILE, 'utf8'));
    expect(await applianceApiDocument()).toEqual(kept);
  });

  it('names, sums up, tags and secures every operation, and lists the errors each can answer', () => {
    const document = JSON.parse(fs.readFileSync(API_DOCUMENT_FILE, 'utf8')) as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
    const ids = operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    for (const operation of operations) {
      expect(operation.operationId).toMatch(/^[a-z]+[A-Za-z]*$/);
      expect(operation.summary, operation.operationId).toBeTruthy();
      expect(operation.tags, operation.operationId).toHaveLength(1);
      expect(operation.security, operation.operationId).toBeDefined();
      expect(Object.keys(operation.responses), operation.operationId).not.toContain('default');
    }
    const addItems = document.paths['/api/orders/{id}/items']!.post!;
    expect(Object.keys(addItems.responses).sort()).toEqual(['201', '400', '401', '402', '403', '404', '409', '413', '415', '421', '422', '423', '503', '507']);
    expect(JSON.stringify(document.paths['/api/orders']!.post!.responses['409'])).toContain('table_occupied');
    expect(document.paths['/api/events']!.get!.security).toEqual([{ streamToken: [] }]);
    expect(document.paths['/api/auth/login']!.post!.security).toEqual([]);
    // What the server enforces: relative servers, and zod's safe-integer bounds on every integer.
    const full = JSON.parse(fs.readFileSync(API_DOCUMENT_FILE, 'utf8')) as {
      servers: unknown;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    expect(full.servers).toEqual([{ url: '/', description: 'This server' }]);
    expect(full.components.schemas.Table!.properties.total_cents).toEqual({
      type: 'integer',
      minimum: Number.MIN_SAFE_INTEGER,
      maximum: Number.MAX_SAFE_INTEGER,
    });
  });
});
