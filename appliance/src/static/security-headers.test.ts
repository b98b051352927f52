import { describe, expect, it } from 'vitest';
import { withAppliance } from '../test/harness.js';

const app = withAppliance();

describe('what a browser is told about every answer', () => {
  it('forbids third-party content, framing, sniffing and referrers on the API, the pages and the docs alike', async () => {
    const token = await app.login('nikos');
    for (const answer of [await app.call('GET', '/api/tables', { token }), await app.call('GET', '/'), await app.call('GET', '/api/docs')]) {
      expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('serves the API docs from its own files, so they open with no internet', async () => {
    const page = (await app.call('GET', '/api/docs')).body as string;
    expect(page).not.toMatch(/https?:\/\//);
    for (const asset of page.match(/(?:href|src)="([^"]+)"/g)!.map((attribute) => attribute.split('"')[1]!)) {
      const answer = await app.call('GET', asset);
      expect([asset, answer.status]).toEqual([asset, 200]);
    }
    expect((await app.call('GET', '/api/docs/swagger-ui-bundle.js')).headers.get('content-type')).toMatch(/javascript/);
  });
});
