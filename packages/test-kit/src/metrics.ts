import { request } from './http-request.js';

/** A Prometheus scrape: its status, and the value of one series (NaN when absent). */
export type Scrape = { status: number; sample(series: string): number };

/** Scrapes `url`; `sample('tavli_heartbeats_total{result="issued"}')` reads that line's value. */
export async function scrapeMetrics(url: string): Promise<Scrape> {
  const { status, body } = await request(url, { method: 'GET', headers: {} });
  const lines = body.split('\n');
  return {
    status,
    sample: (series) => Number(lines.find((line) => line.startsWith(`${series} `))?.split(' ')[1] ?? Number.NaN),
  };
}
