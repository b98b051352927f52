import path from 'node:path';
import { z } from 'zod';
import { setVariables } from '@tavli/server-kit/environment';
import { observabilitySettings, observabilityVariables, type ObservabilitySettings } from '@tavli/server-kit/observability-settings';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8001),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./.data'),
    DATABASE_URL: z
      .string()
      .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'expected sqlite:<path> or postgres://…')
      .optional(),
    ADMIN_USERNAME: z.string().trim().min(1).optional(),
    ADMIN_PASSWORD: z.string().min(1).optional(),
    ACCESS_TOKEN_EXPIRE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(60),
    LICENSE_SIGNING_KEY: z.string().min(1).optional(),
    LICENSE_SIGNING_KEY_PREVIOUS: z.string().min(1).optional(),
    HEARTBEATS_PER_MINUTE_PER_SITE: z.coerce.number().int().min(1).default(20),
    HEARTBEATS_PER_MINUTE_PER_ADDRESS: z.coerce.number().int().min(1).default(120),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    ...observabilityVariables,
    LOG_REQUESTS: z.enum(['0', '1']).default('1'),
  })
  .refine((env) => (env.ADMIN_USERNAME === undefined) === (env.ADMIN_PASSWORD === undefined), {
    message: 'set ADMIN_USERNAME and ADMIN_PASSWORD together',
  });

export type Config = ObservabilitySettings & {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  /** The first sysadmin, created only when the database has no admin yet. */
  initialAdmin: { username: string; password: string } | undefined;
  accessTokenTtlMinutes: number;
  /** PKCS8 PEM of the Ed25519 license-signing key; absent → generated once in DATA_DIR/secrets. */
  licenseSigningKey: string | undefined;
  /** During a key rotation, the retiring key: published beside the new one, and endorsing it. */
  previousLicenseSigningKey: string | undefined;
  /** Heartbeats a minute one site id, and one address, may send before 429 (per replica). */
  heartbeatLimits: { perSite: number; perAddress: number };
  /** Reverse proxies in front (1 behind docker-compose.yml's Caddy): client addresses come from X-Forwarded-For. */
  trustedProxyHops: number;
  /** One JSON log line per request (on by default; the image's port for metrics is 9464). */
  logRequests: boolean;
};

function databaseConfig(url: string | undefined, dataDir: string): DatabaseConfig {
  if (url === undefined) return { kind: 'sqlite', file: path.join(dataDir, 'cloud.db') };
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', file: path.resolve(url.slice('sqlite:'.length)) };
  return { kind: 'postgres', url };
}

/** Parses the environment once; nothing else reads process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.parse(setVariables(env));
  const dataDir = path.resolve(parsed.DATA_DIR);
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    dataDir,
    database: databaseConfig(parsed.DATABASE_URL, dataDir),
    initialAdmin:
      parsed.ADMIN_USERNAME !== undefined && parsed.ADMIN_PASSWORD !== undefined
        ? { username: parsed.ADMIN_USERNAME, password: parsed.ADMIN_PASSWORD }
        : undefined,
    accessTokenTtlMinutes: parsed.ACCESS_TOKEN_EXPIRE_MINUTES,
    // Environments often carry a PEM on one line with literal "\n".
    licenseSigningKey: parsed.LICENSE_SIGNING_KEY?.replace(/\\n/g, '\n'),
    previousLicenseSigningKey: parsed.LICENSE_SIGNING_KEY_PREVIOUS?.replace(/\\n/g, '\n'),
    heartbeatLimits: { perSite: parsed.HEARTBEATS_PER_MINUTE_PER_SITE, perAddress: parsed.HEARTBEATS_PER_MINUTE_PER_ADDRESS },
    trustedProxyHops: parsed.TRUSTED_PROXY_HOPS,
    ...observabilitySettings(parsed),
    logRequests: parsed.LOG_REQUESTS === '1',
  };
}
