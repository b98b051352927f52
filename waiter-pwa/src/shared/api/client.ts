/**
 * The one way this app talks to the appliance: Hono's RPC client typed by the appliance's own
 * routes, compiled ahead by the appliance (`appliance/client`), so no server code reaches the browser bundle;
 * request and response shapes are derived from it, never written out by hand.
 */
import { hcWithType } from 'appliance/client';
import { connect } from '@tavli/web-client/connect';

export { call, type ApiFailure, type ApiResult, type Ok } from '@tavli/web-client/call';
export type { ApiNotice } from '@tavli/web-client/transport';

export const { client, setAuthToken, onApiNotice, eventStreamUrl, answeredSince } = connect(hcWithType);
