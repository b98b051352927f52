import { recordAudit, type Actor } from '../audit/audit.repository.js';
import type { Db, Tx } from '../db/database.js';
import type { AppContext } from '../shared/context.js';
import { isoNow } from '@tavli/server-kit/clock';
import type { Config } from '../config.js';
import { getSetting, setSetting } from './settings.repository.js';
import type { Settings, SettingsUpdate } from './settings.schema.js';

/** The restaurant's settings; those never set fall back to the appliance's configuration. */
export function readSettings(db: Db, config: Config): Settings {
  const setting = (key: keyof SettingsUpdate) => getSetting(db, key);
  return {
    restaurant_name: setting('restaurant_name') ?? 'Tavli',
    restaurant_address: setting('restaurant_address') ?? '',
    vat_number: setting('vat_number') ?? '',
    business_day_start: setting('business_day_start') ?? config.businessDayStart,
    language: setting('language') === 'en' ? 'en' : 'el',
    time_zone: config.timeZone,
    currency: config.currency,
  };
}

export function createSettingsService(ctx: AppContext) {
  return {
    get: () => readSettings(ctx.db, ctx.config),

    update(tx: Tx, user: Actor, changes: SettingsUpdate): Settings {
      const before = readSettings(ctx.db, ctx.config);
      const changed = Object.entries(changes).filter(([key, value]) => before[key as keyof SettingsUpdate] !== value);
      for (const [key, value] of changed) setSetting(tx, key, value);
      if (changed.length > 0) {
        const details = Object.fromEntries(changed.map(([key, value]) => [key, { from: before[key as keyof SettingsUpdate], to: value }]));
        recordAudit(tx, { actor: user, action: 'settings_changed', entity: 'settings', details }, isoNow(ctx.clock));
      }
      return { ...before, ...changes };
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
