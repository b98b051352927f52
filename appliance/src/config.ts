import path from 'node:path';
import { z } from 'zod';
import { setVariables } from '@tavli/server-kit/environment';
import { observabilitySettings, observabilityVariables, type ObservabilitySettings } from '@tavli/server-kit/observability-settings';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  HTTPS_PORT: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65535)]).default(8443),
  HOST: z.string().min(1).default('0.0.0.0'),
  ALLOWED_HOSTS: z.string().default(''),
  MIN_FREE_DISK_MB: z.coerce.number().min(0).default(64),
  DATA_DIR: z.string().min(1).default('./.data'),
  TZ_NAME: z.string().min(1).default('Europe/Athens'),
  CURRENCY: z.string().length(3).default('EUR'),
  SEED_FIXTURE: z.string().optional(),
  BUSINESS_DAY_START: hhmm.default('05:00'),
  LOG_REQUESTS: z.enum(['0', '1']).default('0'),
  ANNOUNCE_AT_BOOT: z.enum(['0', '1']).default('0'),
  ...observabilityVariables,
  PRINTER_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(1).default(3000),
  PRINTER_WRITE_TIMEOUT_MS: z.coerce.number().int().min(1).default(5000),
  PRINTER_RETRY_MIN_MS: z.coerce.number().int().min(1).default(1000),
  PRINTER_RETRY_MAX_MS: z.coerce.number().int().min(1).max(30_000).default(30_000),
  PRINTER_FALLBACK_AFTER_S: z.coerce.number().min(0).default(60),
  PRINTER_DISCOVERY_PORT: z.coerce.number().int().min(1).max(65535).default(9100),
  PRINTER_DISCOVERY_NETWORK: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'expected an IPv4 network such as 192.168.1.0/24')
    .optional(),
  SITE_ID: z.string().min(1).optional(),
  SITE_KEY: z.string().min(1).optional(),
  CLOUD_URL: z.url().optional(),
  CLOUD_PUBLIC_KEY: z.string().min(1).optional(),
  HEARTBEAT_INTERVAL_HOURS: z.coerce.number().positive().default(6),
  // Upper bounds: a site's owner must not be able to configure the licence away.
  LICENSE_GRACE_HOURS: z.coerce.number().min(0).max(72).default(24),
  MAX_OFFLINE_DAYS: z.coerce.number().positive().max(30).default(30),
  LICENSE_ENFORCEMENT: z.enum(['on', 'off']).default('on'),
});

export type Config = ObservabilitySettings & {
  port: number;
  /** Where the appliance listens with TLS beside plain HTTP; undefined when HTTPS_PORT=off. */
  httpsPort: number | undefined;
  host: string;
  /** Names the appliance answers to besides tavli.local, its host name and its addresses (a name the restaurant's DNS gives it). */
  allowedHosts: string[];
  dataDir: string;
  /** Below this much free space on the data folder's disk, new writes are refused with 507. */
  minFreeDiskBytes: number;
  timeZone: string;
  currency: string;
  seedFixture: string | undefined;
  businessDayStart: string;
  /** One JSON log line per request (off by default: an SD card's journal is small). */
  logRequests: boolean;
  /** Print the appliance's address on the bill printer once per boot (the image turns it on). */
  announceAtBoot: boolean;
  printing: PrintingConfig;
  licensing: LicensingConfig;
};

export type LicensingSite = { id: string; key: string; cloudUrl: string };

export type LicensingConfig = {
  /** Site id, key and cloud address together, or nothing (the setup wizard's, if it stored one; else not activated). */
  site: LicensingSite | undefined;
  /** CLOUD_URL alone: the address the setup wizard offers (the image sets it). */
  defaultCloudUrl: string | undefined;
  /** The cloud's Ed25519 public key (PEM or JWK JSON), as the build or the image brings it. */
  cloudPublicKey: string | undefined;
  /**
   * Without cloudPublicKey, whether the first key the cloud shows may be pinned: only in a
   * development build (the demo); a built appliance never trusts a key from the network.
   */
  trustOnFirstUse: boolean;
  heartbeatIntervalMs: number;
  graceMs: number;
  maxOfflineMs: number;
  /** "off" only for development and tests: API calls are never refused for licence reasons. */
  enforce: boolean;
};

export type PrintingConfig = {
  connectTimeoutMs: number;
  writeTimeoutMs: number;
  /** The first retry's wait; it doubles per failure up to retryMaxMs (at most 30 s). */
  retryMinMs: number;
  retryMaxMs: number;
  /** How long a printer may be unreachable before its jobs go to its fallback printer. */
  fallbackAfterMs: number;
  /** Where the setup wizard looks for printers: the port, and a network (at most a /22) instead of the /24 around each of the appliance's addresses. */
  discovery: { port: number; network: string | undefined };
};

/**
 * Running from TypeScript source (tsx, vitest): a development build. A built appliance (dist/, as
 * the image and the containers run it) enforces its licence, whatever its environment says.
 */
const DEVELOPMENT_BUILD = import.meta.url.endsWith('.ts');

export function loadConfig(env: Record<string, string | undefined> = process.env, build = { development: DEVELOPMENT_BUILD }): Config {
  const parsed = EnvSchema.parse(setVariables(env));
  assertTimeZone(parsed.TZ_NAME);
  if (parsed.LICENSE_ENFORCEMENT === 'off' && !build.development) {
    throw new Error('LICENSE_ENFORCEMENT=off is for development and tests only: a built appliance always enforces its licence');
  }
  return {
    port: parsed.PORT,
    httpsPort: parsed.HTTPS_PORT === 'off' ? undefined : parsed.HTTPS_PORT,
    host: parsed.HOST,
    allowedHosts: parsed.ALLOWED_HOSTS.split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    dataDir: path.resolve(parsed.DATA_DIR),
    minFreeDiskBytes: parsed.MIN_FREE_DISK_MB * 1_048_576,
    timeZone: parsed.TZ_NAME,
    currency: parsed.CURRENCY.toUpperCase(),
    seedFixture: parsed.SEED_FIXTURE ? path.resolve(parsed.SEED_FIXTURE) : undefined,
    businessDayStart: parsed.BUSINESS_DAY_START,
    logRequests: parsed.LOG_REQUESTS === '1',
    announceAtBoot: parsed.ANNOUNCE_AT_BOOT === '1',
    ...observabilitySettings(parsed),
    printing: {
      connectTimeoutMs: parsed.PRINTER_CONNECT_TIMEOUT_MS,
      writeTimeoutMs: parsed.PRINTER_WRITE_TIMEOUT_MS,
      retryMinMs: Math.min(parsed.PRINTER_RETRY_MIN_MS, parsed.PRINTER_RETRY_MAX_MS),
      retryMaxMs: parsed.PRINTER_RETRY_MAX_MS,
      fallbackAfterMs: parsed.PRINTER_FALLBACK_AFTER_S * 1000,
      discovery: { port: parsed.PRINTER_DISCOVERY_PORT, network: parsed.PRINTER_DISCOVERY_NETWORK },
    },
    licensing: {
      site: parsed.SITE_ID && parsed.SITE_KEY && parsed.CLOUD_URL ? { id: parsed.SITE_ID, key: parsed.SITE_KEY, cloudUrl: parsed.CLOUD_URL } : undefined,
      defaultCloudUrl: parsed.CLOUD_URL,
      cloudPublicKey: parsed.CLOUD_PUBLIC_KEY?.replace(/\\n/g, '\n'),
      trustOnFirstUse: build.development,
      heartbeatIntervalMs: parsed.HEARTBEAT_INTERVAL_HOURS * 3_600_000,
      graceMs: parsed.LICENSE_GRACE_HOURS * 3_600_000,
      maxOfflineMs: parsed.MAX_OFFLINE_DAYS * 86_400_000,
      enforce: parsed.LICENSE_ENFORCEMENT === 'on',
    },
  };
}

function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) throw new Error(`TZ_NAME: unknown time zone "${timeZone}"`);
}

/** Whether the platform knows the IANA zone (its aliases, such as Europe/Nicosia, included). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
