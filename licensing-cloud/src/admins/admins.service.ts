import crypto from 'node:crypto';
import bcrypt from 'bcryptjs';
import { recordActivity, type Actor } from '../activity/activity.repository.js';
import type { CloudContext } from '../shared/context.js';
import type { Acting, AdminView } from '../shared/env.js';
import { conflict, fail, found } from '../shared/errors.js';
import { isoNow } from '@tavli/server-kit/clock';
import {
  claimTotpStep,
  endSessions,
  findAdmin,
  findAdminForLogin,
  findAdminSession,
  findSecondFactor,
  hasAnyAdmin,
  insertAdmin,
  listAdmins,
  updateAdmin,
  usernameTaken,
} from './admins.repository.js';
import type { AdminRole } from './admins.table.js';
import { acceptedStep, newRecoveryCodes, newTotp, useRecoveryCode } from './second-factor.js';
import { createCheckGate, createLoginThrottle, tooManyAttempts } from '@tavli/server-kit/login-throttle';
import { signAdminToken, verifyAdminToken } from './tokens.js';

// bcryptjs runs on the event loop: 10 rounds (~0.15 s) with login throttling, not more.
const PASSWORD_HASH_ROUNDS = 10;
// Compared against when the username is unknown, so a wrong name costs as long as a wrong password.
const UNKNOWN_ADMIN_HASH = bcrypt.hashSync('unknown-admin', PASSWORD_HASH_ROUNDS);

const unauthenticated = () => fail(401, 'unauthenticated', 'Sign in first: missing or expired token');

const RANK: Record<AdminRole, number> = { viewer: 0, operator: 1, owner: 2 };
export const hasAdminRole = (role: AdminRole, atLeast: AdminRole) => RANK[role] >= RANK[atLeast];

type NewAdmin = { username: string; password: string; role?: AdminRole | undefined };
type AdminChanges = { password?: string | undefined; is_active?: boolean | undefined; role?: AdminRole | undefined };

export function createAdminsService(ctx: CloudContext) {
  const { db, clock } = ctx;
  const throttle = createLoginThrottle(() => clock.now().getTime());
  const gate = createCheckGate('Too many sign-ins at once. Try again in a second.');

  const tooMany = (retryAfterSeconds: number) => tooManyAttempts(retryAfterSeconds, `Too many failed sign-ins. Try again in ${retryAfterSeconds} s.`);
  const actorOf = (admin: Acting): Actor => ({ id: admin.id, username: admin.username, address: admin.address });

  async function insert(input: NewAdmin, role: AdminRole, by: Actor | undefined): Promise<AdminView> {
    const username = input.username.toLowerCase();
    if (await usernameTaken(db, username)) throw conflict('username_taken', `An admin named "${username}" already exists`);
    const id = crypto.randomUUID();
    const password_hash = await bcrypt.hash(input.password, PASSWORD_HASH_ROUNDS);
    await db.transaction().execute(async (trx) => {
      await insertAdmin(trx, { id, username, password_hash, role, is_active: 1, created_at: isoNow(clock) });
      if (by) await recordActivity(trx, by, { action: 'admin_created', target: id, details: { username, role } }, isoNow(clock));
    });
    return found(await findAdmin(db, id), 'Admin');
  }

  type LoginRow = NonNullable<Awaited<ReturnType<typeof findAdminForLogin>>>;

  /** A TOTP code of a step not used before, or an unused recovery code (then used up). */
  async function secondFactorAccepted(row: LoginRow, code: string): Promise<boolean> {
    const step = acceptedStep(row.username, row.totp_secret ?? '', code.trim(), clock.now(), row.totp_last_step);
    if (step !== undefined) return claimTotpStep(db, row.id, step);
    const remaining = useRecoveryCode(JSON.parse(row.recovery_codes) as string[], code);
    if (!remaining) return false;
    await updateAdmin(db, row.id, { recovery_codes: JSON.stringify(remaining) });
    return true;
  }

  return {
    /** An owner adds an admin; without a role they become an operator (sites, not admins). */
    create: (actor: Acting, input: NewAdmin) => insert(input, input.role ?? 'operator', actorOf(actor)),
    list: () => listAdmins(db),

    /** Creates the first sysadmin, an owner, from the environment, only while there is no admin at all. */
    async seedInitialAdmin(): Promise<void> {
      const initial = ctx.config.initialAdmin;
      if (await hasAnyAdmin(db)) return;
      if (!initial) {
        ctx.observability.log.warn('No admin exists yet: set ADMIN_USERNAME and ADMIN_PASSWORD to create the first one.');
        return;
      }
      await insert(initial, 'owner', undefined);
    },

    async login(usernameInput: string, password: string, address: string, code?: string): Promise<{ token: string; admin: AdminView }> {
      const username = usernameInput.toLowerCase();
      // Counted before it is checked, so parallel guesses cannot all be checked; few checks run at once.
      const attempt = throttle.attempt(username, address);
      if ('allowed' in attempt) throw tooMany(attempt.retryAfterSeconds);
      let row: Awaited<ReturnType<typeof findAdminForLogin>>;
      let matches: boolean;
      try {
        row = await findAdminForLogin(db, username);
        const hash = row?.password_hash ?? UNKNOWN_ADMIN_HASH;
        matches = await gate(() => bcrypt.compare(password, hash));
      } catch (error) {
        attempt.cancelled();
        throw error;
      }
      if (!row || !matches || row.is_active !== 1) {
        attempt.failed();
        await recordActivity(db, { id: row?.id ?? null, username, address }, { action: 'login_failed' }, isoNow(clock));
        throw fail(401, 'invalid_credentials', 'Wrong username or password');
      }
      if (row.totp_enabled === 1 && row.totp_secret) {
        if (!code) {
          attempt.cancelled();
          throw fail(401, 'code_required', 'Enter the code from your authenticator app');
        }
        if (!(await secondFactorAccepted(row, code))) {
          attempt.failed();
          await recordActivity(db, { id: row.id, username, address }, { action: 'login_failed', details: { second_factor: true } }, isoNow(clock));
          throw fail(401, 'invalid_code', 'The code is wrong or was already used');
        }
      }
      attempt.succeeded();
      await recordActivity(db, { id: row.id, username: row.username, address }, { action: 'login' }, isoNow(clock));
      const token = await signAdminToken(ctx.jwtSecret, row.id, row.session_version, clock.now(), ctx.config.accessTokenTtlMinutes);
      return { token, admin: found(await findAdmin(db, row.id), 'Admin') };
    },

    /** Starts enrolling a second factor: a new secret, in force once a first code from it is verified. */
    async enrolTotp(admin: Acting): Promise<{ secret: string; uri: string }> {
      const current = found(await findSecondFactor(db, admin.id), 'Admin');
      if (current.totp_enabled === 1) throw conflict('totp_already_enabled', 'Two-step sign-in is already on');
      const totp = newTotp(current.username);
      await updateAdmin(db, admin.id, { totp_secret: totp.secret, totp_last_step: null });
      return totp;
    },

    /** A first right code turns the second factor on; the answer holds ten recovery codes, shown once. */
    async verifyTotp(admin: Acting, code: string): Promise<{ recovery_codes: string[] }> {
      const current = found(await findSecondFactor(db, admin.id), 'Admin');
      if (current.totp_enabled === 1) throw conflict('totp_already_enabled', 'Two-step sign-in is already on');
      const step = current.totp_secret ? acceptedStep(current.username, current.totp_secret, code, clock.now(), null) : undefined;
      if (step === undefined) throw fail(400, 'invalid_code', 'The code is wrong: check the time on the phone and try the next one');
      const recovery = newRecoveryCodes();
      await db.transaction().execute(async (trx) => {
        await updateAdmin(trx, admin.id, { totp_enabled: 1, totp_last_step: step, recovery_codes: JSON.stringify(recovery.hashes) });
        await recordActivity(trx, actorOf(admin), { action: 'totp_enabled', target: admin.id }, isoNow(clock));
      });
      return { recovery_codes: recovery.codes };
    },

    /** Ends every session of the admin on the server: their tokens are refused from now on. */
    async logout(admin: Acting): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await endSessions(trx, admin.id);
        await recordActivity(trx, actorOf(admin), { action: 'logout' }, isoNow(clock));
      });
    },

    /** The active admin a bearer token names, in the session it was signed for; a disabled admin's tokens stop working at once. */
    async authenticate(token: string | undefined): Promise<AdminView> {
      const claims = token === undefined ? undefined : await verifyAdminToken(ctx.jwtSecret, token, clock.now());
      const found = claims && (await findAdminSession(db, claims.id));
      if (!found || found.sessionVersion !== claims.sessionVersion || !found.admin.is_active) throw unauthenticated();
      return found.admin;
    },

    /** A password reset, a role change or (de)activation; the first two and disabling end the admin's sessions. */
    async update(actor: Acting, id: string, changes: AdminChanges): Promise<AdminView> {
      const before = found(await findAdmin(db, id), 'Admin');
      if (changes.is_active === false && id === actor.id) throw conflict('cannot_disable_self', 'You cannot disable your own account');
      if (changes.role !== undefined && changes.role !== 'owner' && id === actor.id) throw conflict('cannot_demote_self', 'You cannot lower your own role');
      const password_hash = changes.password === undefined ? undefined : await bcrypt.hash(changes.password, PASSWORD_HASH_ROUNDS);
      await db.transaction().execute(async (trx) => {
        await updateAdmin(trx, id, {
          ...(password_hash === undefined ? {} : { password_hash }),
          ...(changes.is_active === undefined ? {} : { is_active: changes.is_active ? 1 : 0 }),
          ...(changes.role === undefined ? {} : { role: changes.role }),
        });
        if (password_hash !== undefined || changes.is_active === false || (changes.role !== undefined && changes.role !== before.role))
          await endSessions(trx, id);
        const details = {
          username: before.username,
          ...(password_hash === undefined ? {} : { password_reset: true }),
          ...(changes.is_active === undefined ? {} : { is_active: { from: before.is_active, to: changes.is_active } }),
          ...(changes.role === undefined ? {} : { role: { from: before.role, to: changes.role } }),
        };
        await recordActivity(trx, actorOf(actor), { action: 'admin_updated', target: id, details }, isoNow(clock));
      });
      return found(await findAdmin(db, id), 'Admin');
    },
  };
}

export type AdminsService = ReturnType<typeof createAdminsService>;
