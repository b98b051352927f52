/** Every heartbeat received, accepted or refused; site_id is what the caller claimed. */
export interface SiteHeartbeatsTable {
  site_id: string;
  at: string;
  ip: string;
  version: string;
  uptime_seconds: number;
  ok: number;
}
