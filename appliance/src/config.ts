import path from 'node:path';
import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./.data'),
  TZ_NAME: z.string().min(1).default('Europe/Athens'),
  CURRENCY: z.string().length(3).default('EUR'),
  SEED_FIXTURE: z.string().optional(),
  BUSINESS_DAY_START: hhmm.default('05:00'),
  LOG_REQUESTS: z.enum(['0', '1']).default('0'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  timeZone: string;
  currency: string;
  seedFixture: string | undefined;
  businessDayStart: string;
  logRequests: boolean;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.parse(env);
  assertTimeZone(parsed.TZ_NAME);
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    dataDir: path.resolve(parsed.DATA_DIR),
    timeZone: parsed.TZ_NAME,
    currency: parsed.CURRENCY.toUpperCase(),
    seedFixture: parsed.SEED_FIXTURE ? path.resolve(parsed.SEED_FIXTURE) : undefined,
    businessDayStart: parsed.BUSINESS_DAY_START,
    logRequests: parsed.LOG_REQUESTS === '1',
  };
}

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new Error(`TZ_NAME: unknown time zone "${timeZone}"`);
  }
}
