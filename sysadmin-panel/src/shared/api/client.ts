/**
 * The panel's line to the licensing cloud, on the same origin: Hono's RPC client typed by the
 * cloud's own routes (`licensing-cloud/client`); shapes are derived from it, never written out.
 */
import { hcWithType } from 'licensing-cloud/client';
import { createTransport } from '@tavli/web-client/transport';

export { call, type ApiFailure, type ApiResult, type Ok } from '@tavli/web-client/call';

export const origin = typeof location === 'undefined' ? 'http://localhost' : location.origin;

const transport = createTransport();

export const { setAuthToken, onNotice: onApiNotice } = transport;

export const client = hcWithType(origin, { fetch: transport.fetch, headers: transport.headers });
