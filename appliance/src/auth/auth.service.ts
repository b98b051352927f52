import { recordAudit } from '../audit/audit.repository.js';
import { fail, forbidden } from '../shared/errors.js';
import { AppError } from '@tavli/server-kit/errors';
import { hasRole } from './auth.middleware.js';
import type { Role } from './users.table.js';
import type { AppContext } from '../shared/context.js';
import type { StaffUser } from '../shared/env.js';
import { isoNow } from '@tavli/server-kit/clock';
import { createCheckGate, createLoginThrottle, tooManyAttempts } from '@tavli/server-kit/login-throttle';
import { SESSION_MAX_SECONDS, signToken } from './tokens.js';
import { findUserForLogin, listActiveStaff } from './users.repository.js';

/** A sign-in's audit is written even on a nearly full disk: staff must still get in to see the floor. */
const SIGN_IN = { essential: true };

export function createAuthService(ctx: AppContext) {
  const throttle = createLoginThrottle(() => ctx.clock.now().getTime());
  const gate = createCheckGate('Too many sign-ins at once. Try again in a second.');

  const tooMany = (retryAfterSeconds: number) => tooManyAttempts(retryAfterSeconds, `Too many wrong PINs. Try again in ${retryAfterSeconds} s.`);

  /**
   * The user whose PIN this is, checked through the throttle (the attempt counts before the check,
   * and few checks run at once); a wrong one is audited and answered 401, too many 429.
   */
  async function checkPin(username: string, pin: string, address: string) {
    const key = username.toLowerCase();
    const attempt = throttle.attempt(key, address);
    if ('allowed' in attempt) throw tooMany(attempt.retryAfterSeconds);
    const row = findUserForLogin(ctx.db, username);
    let matches: boolean;
    try {
      // An unknown name is checked against nothing at the cost of a real PIN check, so it takes as long as a wrong PIN.
      matches = await gate(() => ctx.pins.verify(pin, row?.pin_hash ?? ''));
    } catch (error) {
      attempt.cancelled();
      throw error;
    }
    if (!row || !matches) {
      attempt.failed();
      await ctx.db.write(
        (tx) => recordAudit(tx, { actor: { id: row?.id ?? null, address }, action: 'login_failed', details: { username } }, isoNow(ctx.clock)),
        SIGN_IN,
      );
      throw fail(401, 'invalid_credentials', 'Wrong username or PIN');
    }
    attempt.succeeded();
    return row;
  }

  return {
    async login(username: string, pin: string, address: string, minRole?: Role): Promise<{ token: string; user: StaffUser }> {
      const row = await checkPin(username, pin, address);
      if (minRole && !hasRole(row.role, minRole)) {
        await ctx.db.write(
          (tx) => recordAudit(tx, { actor: { id: row.id, address }, action: 'login_refused', details: { needs: minRole } }, isoNow(ctx.clock)),
          SIGN_IN,
        );
        throw forbidden(minRole === 'admin' ? 'Only an admin can sign in here' : 'Only managers can sign in here');
      }
      const user: StaffUser = { id: row.id, username: row.username, full_name: row.full_name, role: row.role };
      await ctx.db.write((tx) => recordAudit(tx, { actor: { id: user.id, address }, action: 'login' }, isoNow(ctx.clock)), SIGN_IN);
      return { token: await signToken(ctx.jwtSecret, user, ctx.clock.now(), { version: row.token_version }), user };
    },

    /**
     * A manager types their PIN on a waiter's phone to approve one action. No session is made: the
     * answer is who approved. A wrong PIN, or a PIN that is not a manager's, is 403 `approval_refused`
     * (never 401, which would sign the waiter out), and counts against the throttle like a sign-in.
     */
    async approve(username: string, pin: string, address: string): Promise<StaffUser> {
      const refused = () => fail(403, 'approval_refused', 'A manager’s username and PIN are needed to approve this');
      const row = await checkPin(username, pin, address).catch((error: unknown) => {
        throw error instanceof AppError && error.status === 401 ? refused() : error;
      });
      if (!hasRole(row.role, 'manager')) throw refused();
      return { id: row.id, username: row.username, full_name: row.full_name, role: row.role };
    },

    /** A fresh token for the same session: never past SESSION_MAX_SECONDS from the PIN (then the PIN again). */
    async refresh(user: StaffUser, session: { version: number; authTime: number }): Promise<string> {
      const now = ctx.clock.now();
      if (now.getTime() / 1000 - session.authTime >= SESSION_MAX_SECONDS) {
        throw fail(401, 'unauthenticated', 'This session began more than 12 hours ago: sign in with your PIN again');
      }
      return signToken(ctx.jwtSecret, user, now, session);
    },

    /** A manager lets a user who was locked out by wrong PINs try again, from every address. */
    clearLock: (username: string) => throttle.clear(username.toLowerCase()),

    /** Who can sign in: names for a login screen, never PINs. */
    staff: () => listActiveStaff(ctx.db),
  };
}
