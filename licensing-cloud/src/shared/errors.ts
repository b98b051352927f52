import { REFUSED_SITE_KEY } from '@tavli/licensing-contract/refusals';
import { errorMakers, KIT_ERROR_CODES } from '@tavli/server-kit/errors';

/** Every error code the licensing cloud answers with; the sysadmin panel translates each one. */
export const ERROR_CODES = [
  ...KIT_ERROR_CODES,
  REFUSED_SITE_KEY,
  'cannot_demote_self',
  'code_required',
  'cannot_disable_self',
  'db_unavailable',
  'invalid_code',
  'invalid_credentials',
  'invalid_cursor',
  'too_many_attempts',
  'too_many_heartbeats',
  'totp_already_enabled',
  'username_taken',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const { fail, notFound, forbidden, conflict, badRequest, found } = errorMakers<ErrorCode>();
