import bcrypt from 'bcryptjs';
import crypto from 'node:crypto';
import type { Db } from '../db/database.js';

const PIN_HASH_ROUNDS = 10;
const SEALED = 'sealed:v1:';

/**
 * PIN hashes are bcrypt, sealed (AES-256-GCM) with a key kept outside the database, in
 * DATA_DIR/secrets/pin.key: a copy of pos.db alone holds only ciphertext, so its four-digit PINs
 * cannot be tried offline. Sealing the hash, not the PIN, lets hashes stored before the key
 * existed be sealed at start-up without knowing their PINs. A pos.db restored without the
 * pin.key it was sealed with opens no PIN: a backup keeps the two together.
 */
export function createPinHasher(key: Uint8Array) {
  const seal = (hash: string) => {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    const sealed = Buffer.concat([cipher.update(hash, 'utf8'), cipher.final()]);
    return `${SEALED}${[iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.')}`;
  };
  /** The bcrypt hash inside, or undefined when it was sealed with another key (or is not sealed). */
  const open = (stored: string): string | undefined => {
    if (!stored.startsWith(SEALED)) return undefined;
    const [iv, sealed, tag] = stored
      .slice(SEALED.length)
      .split('.')
      .map((part) => Buffer.from(part, 'base64url'));
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv!);
      decipher.setAuthTag(tag!);
      return Buffer.concat([decipher.update(sealed!), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  };
  return {
    seal,
    isSealed: (stored: string) => stored.startsWith(SEALED),
    hash: async (pin: string) => seal(await bcrypt.hash(pin, PIN_HASH_ROUNDS)),
    hashSync: (pin: string) => seal(bcrypt.hashSync(pin, PIN_HASH_ROUNDS)),
    /** Whether `pin` is the one behind `stored`; a hash this key cannot open matches nothing, at the same cost. */
    async verify(pin: string, stored: string): Promise<boolean> {
      const hash = open(stored);
      if (hash === undefined) {
        await bcrypt.compare(pin, decoy());
        return false;
      }
      return bcrypt.compare(pin, hash);
    },
    /** True when `stored` was sealed with another appliance's key (a pos.db restored without its pin.key). */
    foreign: (stored: string) => stored.startsWith(SEALED) && open(stored) === undefined,
  };
}

let decoyHash: string | undefined;
/** A hash no PIN matches, so refusing an unknown user or an unopenable hash costs what a real check does. */
const decoy = () => (decoyHash ??= bcrypt.hashSync(crypto.randomBytes(16).toString('hex'), PIN_HASH_ROUNDS));

export type PinHasher = ReturnType<typeof createPinHasher>;

/**
 * At start-up: seals every PIN hash stored before pin.key existed (one write), and says so in the
 * log when hashes were sealed with another key, which no PIN will then open.
 */
export async function sealStoredPinHashes(db: Db, pins: PinHasher): Promise<void> {
  const users = db.all(db.q.selectFrom('users').select(['id', 'pin_hash']));
  const unsealed = users.filter((user) => !pins.isSealed(user.pin_hash));
  if (unsealed.length) {
    await db.write((tx) => {
      for (const user of unsealed)
        tx.run(
          tx.q
            .updateTable('users')
            .set({ pin_hash: pins.seal(user.pin_hash) })
            .where('id', '=', user.id),
        );
    });
  }
  if (users.some((user) => pins.foreign(user.pin_hash))) {
    console.error('PIN hashes in pos.db were sealed with another pin.key: no PIN opens them. Restore DATA_DIR/secrets/ from the same backup as pos.db.');
  }
}
