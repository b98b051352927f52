import type { Tx } from '../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import { hasRole } from '../auth/auth.middleware.js';
import type { Role } from '../auth/users.table.js';
import type { AppContext } from '../shared/context.js';
import type { AuthUser } from '../shared/env.js';
import { badRequest, conflict, forbidden, found } from '../shared/errors.js';
import { isoNow } from '@tavli/server-kit/clock';
import {
  activeUserIds,
  findStaff,
  insertUser,
  listStaff,
  removeAssignmentsOf,
  replaceAssistants,
  updateUser,
  endSessions,
  usernameTaken,
} from './staff.repository.js';
import type { CreateStaffInput, StaffView, UpdateStaffInput } from './staff.schema.js';

export function createStaffService(ctx: AppContext) {
  const { db } = ctx;

  const requireStaff = (id: number) => found(findStaff(db, id), 'Staff member');

  const audit = (tx: Tx, actor: AuthUser, action: string, userId: number, details: Record<string, unknown>) =>
    recordAudit(tx, { actor, action, entity: 'user', entityId: userId, details }, isoNow(ctx.clock));

  const assertMayTouchAdmin = (actor: AuthUser, ...roles: Array<Role | undefined>) => {
    if (actor.role !== 'admin' && roles.includes('admin')) throw forbidden('Only an admin may create, edit or grant the admin role');
  };

  /** The distinct assistant ids, each an active user other than the waiter; otherwise a 400. */
  const validAssistants = (ids: number[], waiterId?: number) => {
    const unique = [...new Set(ids)];
    if (waiterId !== undefined && unique.includes(waiterId)) throw badRequest('invalid_assistants', 'Nobody can be their own assistant');
    const active = new Set(activeUserIds(db, unique));
    const unknown = unique.filter((id) => !active.has(id));
    if (unknown.length > 0) throw badRequest('invalid_assistants', 'Assistants must be active staff members', { ids: unknown });
    return unique;
  };

  const deactivate = (tx: Tx, actor: AuthUser, target: StaffView) => {
    if (target.id === actor.id) throw conflict('cannot_deactivate_self', 'You cannot deactivate yourself');
    if (!target.is_active) return;
    updateUser(tx, target.id, { is_active: 0 });
    endSessions(tx, target.id);
    removeAssignmentsOf(tx, target.id);
    audit(tx, actor, 'user_deactivated', target.id, { username: target.username });
  };

  return {
    /** Audits a manager's "let them try again" and answers whose sign-in locks to lift once it is committed. */
    unlock(tx: Tx, actor: AuthUser, id: number): string {
      const target = requireStaff(id);
      audit(tx, actor, 'user_sign_in_unlocked', id, { username: target.username });
      return target.username;
    },

    list: (): StaffView[] => listStaff(db),

    /** bcrypt is slow: hash a PIN before entering a write, never inside it. */
    hashPin: (pin: string) => ctx.pins.hash(pin),

    create(tx: Tx, actor: AuthUser, input: Omit<CreateStaffInput, 'pin'>, pinHash: string): StaffView {
      assertMayTouchAdmin(actor, input.role);
      if (usernameTaken(tx, input.username)) throw conflict('username_taken', `The username "${input.username}" is already taken`);
      const assistants = validAssistants(input.assistant_ids ?? []);
      const id = insertUser(tx, { username: input.username, full_name: input.full_name, role: input.role, pin_hash: pinHash });
      replaceAssistants(tx, id, assistants);
      audit(tx, actor, 'user_created', id, { username: input.username, role: input.role, assistant_ids: assistants });
      return requireStaff(id);
    },

    update(tx: Tx, actor: AuthUser, id: number, input: Omit<UpdateStaffInput, 'pin'>, pinHash?: string): StaffView {
      const target = requireStaff(id);
      assertMayTouchAdmin(actor, target.role, input.role);
      if (id === actor.id && input.role && !hasRole(input.role, target.role)) throw conflict('cannot_demote_self', 'You cannot lower your own role');
      const { assistant_ids, is_active, ...fields } = input;
      const assistants = assistant_ids && validAssistants(assistant_ids, id);
      if (is_active === false) deactivate(tx, actor, target);
      const reactivated = is_active === true && !target.is_active;
      // A new PIN or a new role ends the user's sessions (deactivate does too).
      const endsSessions = Boolean(pinHash) || (input.role !== undefined && input.role !== target.role);
      const columns = { ...fields, ...(reactivated ? { is_active: 1 } : {}), ...(pinHash ? { pin_hash: pinHash } : {}) };
      if (Object.keys(columns).length > 0) updateUser(tx, id, columns);
      if (endsSessions) endSessions(tx, id);
      if (assistants && is_active !== false) replaceAssistants(tx, id, assistants);
      if (pinHash) audit(tx, actor, 'user_pin_reset', id, { username: target.username });
      const changes = { ...fields, ...(assistants ? { assistant_ids: assistants } : {}), ...(reactivated ? { is_active: true } : {}) };
      if (Object.keys(changes).length > 0) {
        const { full_name, role, is_active: wasActive, assistant_ids: before } = target;
        audit(tx, actor, 'user_updated', id, { before: { full_name, role, is_active: wasActive, assistant_ids: before }, changes });
      }
      return requireStaff(id);
    },

    remove(tx: Tx, actor: AuthUser, id: number): void {
      const target = requireStaff(id);
      assertMayTouchAdmin(actor, target.role);
      deactivate(tx, actor, target);
    },
  };
}
