/**
 * The one way this app talks to the appliance: Hono's RPC client typed by the appliance's own
 * routes, compiled ahead by the appliance (`appliance/client`), so no server code reaches the browser bundle;
 * request and response shapes are derived from it, never written out by hand.
 */
import { hcWithType } from 'appliance/client';
import { createTransport } from '@tavli/web-client/transport';

export { call, type ApiFailure, type ApiResult, type Ok } from '@tavli/web-client/call';
export type { ApiNotice } from '@tavli/web-client/transport';

const origin = typeof location === 'undefined' ? 'http://localhost' : location.origin;

const transport = createTransport();

export const { setAuthToken, onNotice: onApiNotice } = transport;

export const client = hcWithType(origin, { fetch: transport.fetch, headers: transport.headers });

/** The live event stream; EventSource cannot send headers, so the token rides in the query. */
export function eventStreamUrl(bearer: string): string {
  return `${origin}/api/events?token=${encodeURIComponent(bearer)}`;
}
