/**
 * The panel's line to the licensing cloud, on the same origin: Hono's RPC client typed by the
 * cloud's own routes (`licensing-cloud/client`); shapes are derived from it, never written out.
 */
import { hcWithType } from 'licensing-cloud/client';
import { connect } from '@tavli/web-client/connect';

export { call, type ApiFailure, type ApiResult, type Ok } from '@tavli/web-client/call';

export const { origin, client, setAuthToken, onApiNotice } = connect(hcWithType);
