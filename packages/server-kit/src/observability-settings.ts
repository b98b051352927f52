import { z } from 'zod';

/**
 * The variables every service reads for its log and its metrics, spread into its own schema. The
 * request log's default is each service's own (LOG_REQUESTS).
 */
export const observabilityVariables = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  METRICS_PORT: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65535)]).default('off'),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
};

export type ObservabilitySettings = {
  logLevel: string;
  /** Prometheus' /metrics on a port of its own, loopback unless METRICS_HOST says otherwise; off by default. */
  metrics: { port: number; host: string } | undefined;
};

export function observabilitySettings(parsed: { LOG_LEVEL: string; METRICS_PORT: number | 'off'; METRICS_HOST: string }): ObservabilitySettings {
  return {
    logLevel: parsed.LOG_LEVEL,
    metrics: parsed.METRICS_PORT === 'off' ? undefined : { port: parsed.METRICS_PORT, host: parsed.METRICS_HOST },
  };
}
