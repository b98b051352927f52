import type { LicenseService } from './license.service.js';

const RETRY_MIN_MS = 60_000;
const RETRY_MAX_MS = 30 * 60_000;
const JITTER = 0.1;
const HIGH_WATER_EVERY_MS = 10 * 60_000;

const jittered = (ms: number) => Math.round(ms * (1 - JITTER + Math.random() * 2 * JITTER));

/**
 * Heartbeat at start-up, then every interval with ±10 % jitter so a fleet never calls at once;
 * after a failure retry within minutes, doubling up to 30 min, not a whole interval later.
 */
export function startHeartbeats(license: Pick<LicenseService, 'heartbeat' | 'saveHighWaterMark'>, intervalMs: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  let stopped = false;

  const beat = async () => {
    const ok = await license.heartbeat().catch(() => false);
    if (stopped) return;
    failures = ok ? 0 : failures + 1;
    const wait = ok ? intervalMs : Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** (failures - 1));
    timer = setTimeout(() => void beat(), jittered(wait));
    timer.unref();
  };
  void beat();
  const watermark = setInterval(() => void license.saveHighWaterMark().catch(() => undefined), HIGH_WATER_EVERY_MS);
  watermark.unref();

  return () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(watermark);
  };
}
