import BetterSqlite3 from 'better-sqlite3';
import bcrypt from 'bcryptjs';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PINS, startTestAppliance, type TestAppliance } from '../test/harness.js';

describe('PINs in a copy of pos.db', () => {
  let app: TestAppliance;
  beforeAll(async () => {
    app = await startTestAppliance();
  });
  afterAll(() => app.stop());

  const storedHashes = () => {
    const sqlite = new BetterSqlite3(path.join(app.dataDir, 'pos.db'), { readonly: true });
    try {
      return sqlite.prepare('SELECT username, pin_hash FROM users').all() as Array<{ username: string; pin_hash: string }>;
    } finally {
      sqlite.close();
    }
  };
  const signIn = (username: string, pin: string) => app.call('POST', '/api/auth/login', { body: { username, pin } });

  it('hold no bcrypt hash to try four-digit PINs against: each is sealed with a key kept outside the database', async () => {
    const hashes = storedHashes();
    expect(hashes.length).toBeGreaterThan(0);
    for (const { pin_hash } of hashes) {
      expect(pin_hash).toMatch(/^sealed:v1:/);
      expect(pin_hash).not.toMatch(/\$2[aby]\$/);
    }
    expect(fs.statSync(path.join(app.dataDir, 'secrets', 'pin.key')).mode & 0o777).toBe(0o600);
    expect((await signIn('maria', PINS.maria)).status).toBe(200);
  });

  it('seals a hash stored before the key existed at the next start, and its PIN still signs in', async () => {
    await app.restart({
      whileStopped: () => {
        const sqlite = new BetterSqlite3(path.join(app.dataDir, 'pos.db'));
        sqlite.prepare("UPDATE users SET pin_hash = ? WHERE username = 'nikos'").run(bcrypt.hashSync('4321', 4));
        sqlite.close();
      },
    });
    expect((await signIn('nikos', '4321')).status).toBe(200);
    expect(storedHashes().find((user) => user.username === 'nikos')!.pin_hash).toMatch(/^sealed:v1:/);
  });

  it('opens no PIN with another appliance’s key (pos.db restored without its secrets), and says why in the log', async () => {
    const logged: string[] = [];
    const error = console.error;
    console.error = (message: string) => logged.push(message);
    try {
      await app.restart({
        whileStopped: () => fs.writeFileSync(path.join(app.dataDir, 'secrets', 'pin.key'), crypto.randomBytes(32).toString('base64') + '\n'),
      });
      const refused = await signIn('maria', PINS.maria);
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('invalid_credentials');
    } finally {
      console.error = error;
    }
    expect(logged.join('\n')).toMatch(/sealed with another pin\.key: no PIN opens them\. Restore DATA_DIR\/secrets\//);
  });
});
