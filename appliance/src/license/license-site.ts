import { z } from 'zod';
import type { LicensingSite } from '../config.js';
import type { Db } from '../db/database.js';
import { getSetting, setSetting } from '../settings/settings.repository.js';

const SITE_KEY = 'license_site';
const StoredSite = z.object({ id: z.string().min(1), key: z.string().min(1), cloudUrl: z.url() });

/**
 * The site the setup wizard activated, kept in the database (so that a backup restored on a new
 * card keeps its licence settings; the database is owner-only, as the key in it must be).
 */
export function readStoredSite(db: Db): LicensingSite | undefined {
  const text = getSetting(db, SITE_KEY);
  const parsed = text === undefined ? undefined : StoredSite.safeParse(JSON.parse(text));
  return parsed?.success ? parsed.data : undefined;
}

export const storeSite = (db: Db, site: LicensingSite) => db.write((tx) => setSetting(tx, SITE_KEY, JSON.stringify(site)));
