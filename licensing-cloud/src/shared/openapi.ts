import { routerFactory } from '../../../appliance/src/kit/openapi.js';
import type { AppEnv } from './env.js';

/** Every feature router of the cloud. */
export const createRouter = routerFactory<AppEnv>();
