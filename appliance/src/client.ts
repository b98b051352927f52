import { hc } from 'hono/client';
import type { createApp } from './app.js';

// Inferred, so the compiled declaration spells the routes out instead of importing the server's
// modules: a browser build type-checks this one declaration, never the server or Node's types.
const inferred = <T>() => undefined as unknown as T;
const _routes = inferred<ReturnType<typeof createApp>>();

/** The appliance's API as a type: every route, its input and its answers. */
export type AppRoutes = typeof _routes;

export type ApplianceClient = ReturnType<typeof hc<AppRoutes>>;

/** Hono's RPC client, typed by the appliance's own routes and compiled ahead (`npm run build:client`). */
export const hcWithType = (...args: Parameters<typeof hc>): ApplianceClient => hc<AppRoutes>(...args);

export type { LiveEventCatalogue, LiveEventType } from './events/catalogue.js';
export { ERROR_CODES, type ErrorCode } from './shared/errors.js';
