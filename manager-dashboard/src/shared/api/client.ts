/**
 * The dashboard's line to the appliance: Hono's RPC client typed by the appliance's own routes
 * (`appliance/client`); request and response shapes are derived from it, never written out by hand.
 */
import { hcWithType } from 'appliance/client';
import { connect } from '@tavli/web-client/connect';

export { call, type ApiFailure, type ApiResult, type Ok } from '@tavli/web-client/call';

export const { client, setAuthToken, onApiNotice, eventStreamUrl } = connect(hcWithType);
