import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withAppliance } from '../test/harness.js';

describe('an update bundle uploaded from the dashboard', () => {
  const app = withAppliance();
  const upload = (token: string, body: Buffer) =>
    fetch(`${app.url}/api/system/updates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(body),
    });

  it('is written whole where the installer waits for it, and a second waits until the first is done', async () => {
    const maria = await app.login('maria');
    const bundle = Buffer.alloc(3 * 1024 * 1024, 7); // larger than any JSON body may be
    const answer = await upload(maria, bundle);
    expect(answer.status).toBe(202);
    expect(await answer.json()).toEqual({ version: app.appliance.ctx.version, pending: true, last: null });
    const pending = path.join(app.dataDir, 'updates', 'pending.tavli-update');
    expect(fs.readFileSync(pending).equals(bundle)).toBe(true);
    expect(fs.statSync(pending).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.join(app.dataDir, 'updates'))).toEqual(['pending.tavli-update']);
    expect((await upload(maria, bundle)).status).toBe(409);

    // What the image's installer (tavli update-from-dashboard) leaves behind, as the dashboard reads it.
    fs.rmSync(pending);
    const result = { result: 'refused', message: 'not signed by Tavli’s release key', at: '2026-12-04T20:00:00Z' };
    fs.writeFileSync(path.join(app.dataDir, 'updates', 'result.json'), JSON.stringify(result));
    expect((await app.call('GET', '/api/system/updates', { token: maria })).body).toEqual({ version: app.appliance.ctx.version, pending: false, last: result });
  });

  it('is a manager’s to upload', async () => {
    expect((await upload(await app.login('nikos'), Buffer.from('x'))).status).toBe(403);
  });
});
