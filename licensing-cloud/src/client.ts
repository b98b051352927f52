import { hc } from 'hono/client';
import type { createApp } from './app.js';

// Inferred, so the compiled declaration spells the routes out instead of importing the server's
// modules: a browser build type-checks this one declaration, never the server or Node's types.
const inferred = <T>() => undefined as unknown as T;
const _routes = inferred<ReturnType<typeof createApp>>();

/** The licensing cloud's admin API as a type: every route, its input and its answers. */
export type CloudRoutes = typeof _routes;

export type CloudClient = ReturnType<typeof hc<CloudRoutes>>;

/** Hono's RPC client, typed by the cloud's own routes and compiled ahead (`npm run build`). */
export const hcWithType = (...args: Parameters<typeof hc>): CloudClient => hc<CloudRoutes>(...args);

export { ERROR_CODES, type ErrorCode } from './shared/errors.js';
