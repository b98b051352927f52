/**
 * The dashboard's line to the appliance: Hono's RPC client typed by the appliance's own routes
 * (`appliance/client`); request and response shapes are derived from it, never written out by hand.
 */
import { hcWithType } from 'appliance/client';
import { createTransport } from '@tavli/web-client/transport';

export { call, type ApiFailure, type ApiResult, type Ok } from '@tavli/web-client/call';

const origin = typeof location === 'undefined' ? 'http://localhost' : location.origin;

const transport = createTransport();

export const { setAuthToken, onNotice: onApiNotice } = transport;

export const client = hcWithType(origin, { fetch: transport.fetch, headers: transport.headers });

/** The live event stream; EventSource cannot send headers, so the token rides in the query. */
export const eventStreamUrl = (bearer: string) => `${origin}/api/events?token=${encodeURIComponent(bearer)}`;
