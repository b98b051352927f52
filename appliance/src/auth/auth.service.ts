import bcrypt from 'bcryptjs';
import { recordAudit } from '../audit/audit.repository.js';
import { fail } from '../shared/errors.js';
import type { AppContext } from '../shared/context.js';
import type { AuthUser } from '../shared/env.js';
import { isoNow } from '@tavli/server-kit/clock';
import { createLoginThrottle, tooManyAttempts } from '@tavli/server-kit/login-throttle';
import { signToken } from './tokens.js';
import { findUserForLogin, listActiveStaff } from './users.repository.js';

export const PIN_HASH_ROUNDS = 10;
// Compared against when the username is unknown, so a wrong name costs as long as a wrong PIN.
let unknownUserHash: string | undefined;
const hashForUnknownUser = () => (unknownUserHash ??= bcrypt.hashSync('unknown-user', PIN_HASH_ROUNDS));

export function createAuthService(ctx: AppContext) {
  const throttle = createLoginThrottle(() => ctx.clock.now().getTime());

  const tooMany = (retryAfterSeconds: number) => tooManyAttempts(retryAfterSeconds, `Too many wrong PINs. Try again in ${retryAfterSeconds} s.`);

  return {
    async login(username: string, pin: string, address: string): Promise<{ token: string; user: AuthUser }> {
      const key = username.toLowerCase();
      const verdict = throttle.check(key, address);
      if (!verdict.allowed) throw tooMany(verdict.retryAfterSeconds);
      const row = findUserForLogin(ctx.db, username);
      const matches = await bcrypt.compare(pin, row?.pin_hash ?? hashForUnknownUser());
      if (!row || !matches) {
        throttle.recordFailure(key, address);
        await ctx.db.write((tx) => recordAudit(tx, { userId: row?.id ?? null, action: 'login_failed', details: { username, address } }, isoNow(ctx.clock)));
        throw fail(401, 'invalid_credentials', 'Wrong username or PIN');
      }
      throttle.recordSuccess(key);
      const user: AuthUser = { id: row.id, username: row.username, full_name: row.full_name, role: row.role };
      await ctx.db.write((tx) => recordAudit(tx, { userId: user.id, action: 'login', details: { address } }, isoNow(ctx.clock)));
      return { token: await signToken(ctx.jwtSecret, user, ctx.clock.now()), user };
    },

    refresh: (user: AuthUser) => signToken(ctx.jwtSecret, user, ctx.clock.now()),

    /** Who can sign in: names for a login screen, never PINs. */
    staff: () => listActiveStaff(ctx.db),
  };
}
