import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JWK } from 'jose';
import type { Db } from '../db/database.js';
import { getSetting, setSetting } from '../settings/settings.repository.js';

/**
 * The last accepted licence and its anti-replay record, stored together in one row by one write:
 * a power cut can never leave a licence without its record or a record without its licence.
 */
export type LicenseRecord = {
  /** The signed licence (an EdDSA JWT) as the cloud sent it. */
  token: string;
  seq: number;
  nonce: string;
  lastSuccessAt: number;
  unlicensedSince: number | undefined;
  highWaterMark: number;
};

const STATE_KEY = 'license_state';

/**
 * The furthest licence time and licence number ever reached, kept a second time outside the
 * database: restoring an old pos.db (an old licence with its old record) does not rewind them.
 */
export type Watermark = { highWaterMark: number; seq: number };

function writeFileDurably(file: string, content: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

const readText = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** The pinned cloud key in DATA_DIR/license, and the licence with its anti-replay record in the database. */
export function createLicenseStore(db: Db, dataDir: string) {
  const dir = path.join(dataDir, 'license');
  const keyFile = path.join(dir, 'cloud-key.jwk');
  const watermarkFile = path.join(dir, 'watermark.json');
  // Read once: only this store writes the file, so what it last wrote is what the file holds.
  const watermarkText = readText(watermarkFile);
  let watermark: Watermark | undefined = watermarkText ? (JSON.parse(watermarkText) as Watermark) : undefined;
  return {
    readPinnedKey: (): JWK | undefined => {
      const text = readText(keyFile);
      return text ? (JSON.parse(text) as JWK) : undefined;
    },
    pinKey: (key: JWK) => writeFileDurably(keyFile, JSON.stringify(key)),
    readRecord: (): LicenseRecord | undefined => {
      const text = getSetting(db, STATE_KEY);
      return text ? (JSON.parse(text) as LicenseRecord) : undefined;
    },
    readWatermark: () => watermark,
    /** Stores the record, and raises the watermark outside the database to it (never lowers it). */
    async writeRecord(record: LicenseRecord): Promise<void> {
      await db.write((tx) => setSetting(tx, STATE_KEY, JSON.stringify(record)));
      const raised = { highWaterMark: Math.max(record.highWaterMark, watermark?.highWaterMark ?? 0), seq: Math.max(record.seq, watermark?.seq ?? -1) };
      if (raised.highWaterMark === watermark?.highWaterMark && raised.seq === watermark.seq) return;
      writeFileDurably(watermarkFile, JSON.stringify(raised));
      watermark = raised;
    },
  };
}
