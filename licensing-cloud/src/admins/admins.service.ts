import crypto from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { CloudContext } from '../shared/context.js';
import type { AdminView } from '../shared/env.js';
import { conflict, fail, found } from '../shared/errors.js';
import { isoNow } from '@tavli/server-kit/clock';
import { findAdmin, findAdminForLogin, hasAnyAdmin, insertAdmin, listAdmins, updateAdmin, usernameTaken } from './admins.repository.js';
import { createLoginThrottle, tooManyAttempts } from '@tavli/server-kit/login-throttle';
import { signAdminToken, verifyAdminToken } from './tokens.js';

// bcryptjs runs on the event loop: 10 rounds (~0.15 s) with login throttling, not more.
const PASSWORD_HASH_ROUNDS = 10;
// Compared against when the username is unknown, so a wrong name costs as long as a wrong password.
const UNKNOWN_ADMIN_HASH = bcrypt.hashSync('unknown-admin', PASSWORD_HASH_ROUNDS);

const unauthenticated = () => fail(401, 'unauthenticated', 'Sign in first: missing or expired token');

export function createAdminsService(ctx: CloudContext) {
  const { db, clock } = ctx;
  const throttle = createLoginThrottle(() => clock.now().getTime());

  const tooMany = (retryAfterSeconds: number) => tooManyAttempts(retryAfterSeconds, `Too many failed sign-ins. Try again in ${retryAfterSeconds} s.`);

  const create = async (input: { username: string; password: string }): Promise<AdminView> => {
    const username = input.username.toLowerCase();
    if (await usernameTaken(db, username)) throw conflict('username_taken', `An admin named "${username}" already exists`);
    const id = crypto.randomUUID();
    const password_hash = await bcrypt.hash(input.password, PASSWORD_HASH_ROUNDS);
    await insertAdmin(db, { id, username, password_hash, is_active: 1, created_at: isoNow(clock) });
    return found(await findAdmin(db, id), 'Admin');
  };

  return {
    create,
    list: () => listAdmins(db),

    /** Creates the first sysadmin from the environment, only while there is no admin at all. */
    async seedInitialAdmin(): Promise<void> {
      const initial = ctx.config.initialAdmin;
      if (await hasAnyAdmin(db)) return;
      if (!initial) {
        console.warn('No admin exists yet: set ADMIN_USERNAME and ADMIN_PASSWORD to create the first one.');
        return;
      }
      await create(initial);
    },

    async login(usernameInput: string, password: string, address: string): Promise<{ token: string; admin: AdminView }> {
      const username = usernameInput.toLowerCase();
      const verdict = throttle.check(username, address);
      if (!verdict.allowed) throw tooMany(verdict.retryAfterSeconds);
      const row = await findAdminForLogin(db, username);
      const matches = await bcrypt.compare(password, row?.password_hash ?? UNKNOWN_ADMIN_HASH);
      if (!row || !matches || row.is_active !== 1) {
        throttle.recordFailure(username, address);
        throw fail(401, 'invalid_credentials', 'Wrong username or password');
      }
      throttle.recordSuccess(username);
      const token = await signAdminToken(ctx.jwtSecret, row.id, clock.now(), ctx.config.accessTokenTtlMinutes);
      return { token, admin: found(await findAdmin(db, row.id), 'Admin') };
    },

    /** The active admin a bearer token names; a disabled admin's tokens stop working at once. */
    async authenticate(token: string | undefined): Promise<AdminView> {
      const id = token === undefined ? undefined : await verifyAdminToken(ctx.jwtSecret, token, clock.now());
      const admin = id === undefined ? undefined : await findAdmin(db, id);
      if (!admin?.is_active) throw unauthenticated();
      return admin;
    },

    async update(actor: AdminView, id: string, changes: { password?: string | undefined; is_active?: boolean | undefined }): Promise<AdminView> {
      found(await findAdmin(db, id), 'Admin');
      if (changes.is_active === false && id === actor.id) throw conflict('cannot_disable_self', 'You cannot disable your own account');
      await updateAdmin(db, id, {
        ...(changes.password === undefined ? {} : { password_hash: await bcrypt.hash(changes.password, PASSWORD_HASH_ROUNDS) }),
        ...(changes.is_active === undefined ? {} : { is_active: changes.is_active ? 1 : 0 }),
      });
      return found(await findAdmin(db, id), 'Admin');
    },
  };
}

export type AdminsService = ReturnType<typeof createAdminsService>;
