import { errorAnswers, routerFactory, type ErrorSpec } from '@tavli/server-kit/openapi';
import type { AppEnv } from './env.js';
import type { ErrorCode } from './errors.js';

/** Every feature router of the cloud. */
export const createRouter = routerFactory<AppEnv>();

const answers = errorAnswers<ErrorCode>();
const SIGNED_IN: ErrorSpec<ErrorCode> = { 401: ['unauthenticated'] };

/** The error responses of an operation, by who may call it: each adds what its guards answer to the route's own codes. */
export const errors = {
  public: (...specs: Array<ErrorSpec<ErrorCode>>) => answers(...specs),
  /** Any signed-in admin (viewers included). */
  signedIn: (...specs: Array<ErrorSpec<ErrorCode>>) => answers(SIGNED_IN, ...specs),
  /** An admin with more than the viewer's role. */
  role: (...specs: Array<ErrorSpec<ErrorCode>>) => answers(SIGNED_IN, { 403: ['forbidden'] }, ...specs),
};
