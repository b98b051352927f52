import { routerFactory } from '@tavli/server-kit/openapi';
import type { AppEnv } from './env.js';

/** Every feature router of the cloud. */
export const createRouter = routerFactory<AppEnv>();
