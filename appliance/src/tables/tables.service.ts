import { recordAudit } from '../audit/audit.repository.js';
import type { AppContext } from '../shared/context.js';
import type { AuthUser } from '../shared/env.js';
import { conflict, found } from '../shared/errors.js';
import { isoNow } from '@tavli/server-kit/clock';
import {
  findActiveGroup,
  findActiveTable,
  findTableState,
  groupHasActiveTables,
  labelTaken,
  listGroups,
  listTableStates,
  tableHasActiveOrder,
} from './tables.repository.js';
import type { TableView } from './tables.schema.js';

type TableInput = { label: string; group_id: number; sort_order?: number | undefined };
type GroupInput = { name: string; sort_order?: number | undefined };

const insertedId = (result: { lastInsertRowid: number | bigint }) => Number(result.lastInsertRowid);

export function createTablesService(ctx: AppContext) {
  const { db } = ctx;

  const requireGroup = (id: number) => found(findActiveGroup(db, id), 'Table group');
  const requireTable = (id: number) => found(findActiveTable(db, id), 'Table');
  const assertLabelFree = (label: string, exceptId?: number) => {
    if (labelTaken(db, label, exceptId)) throw conflict('label_taken', `A table labelled "${label}" already exists`);
  };

  /** Pushes a table's live state to every screen once the current write is durable. */
  const announce = (tableId: number) =>
    db.afterCommit(() => {
      if (!ctx.events.hasSubscribers) return;
      const table = findTableState(db, tableId);
      ctx.events.publish(table ? { type: 'table.updated', data: table } : { type: 'table.removed', data: { id: tableId } });
    });

  const audit = (user: AuthUser, action: string, entity: string, entityId: number, details: Record<string, unknown>) =>
    recordAudit(db, { userId: user.id, action, entity, entityId, details }, isoNow(ctx.clock));

  return {
    announce,
    list: (): TableView[] => listTableStates(db),
    get: (id: number): TableView => found(findTableState(db, id), 'Table'),
    requireTable,

    create(user: AuthUser, input: TableInput): TableView {
      requireGroup(input.group_id);
      assertLabelFree(input.label);
      const id = insertedId(db.run(db.q.insertInto('tables').values({ label: input.label, group_id: input.group_id, sort_order: input.sort_order ?? 0 })));
      audit(user, 'table_created', 'table', id, { label: input.label });
      announce(id);
      return findTableState(db, id)!;
    },

    createBatch(user: AuthUser, input: { group_id: number; prefix: string; from: number; count: number }): TableView[] {
      requireGroup(input.group_id);
      const ids: number[] = [];
      for (let n = 0; n < input.count; n++) {
        const label = `${input.prefix}${input.from + n}`;
        assertLabelFree(label);
        ids.push(insertedId(db.run(db.q.insertInto('tables').values({ label, group_id: input.group_id, sort_order: input.from + n }))));
      }
      audit(user, 'tables_created', 'table_group', input.group_id, { prefix: input.prefix, from: input.from, count: input.count });
      ids.forEach(announce);
      return ids.map((id) => findTableState(db, id)!);
    },

    update(user: AuthUser, id: number, input: Partial<TableInput>): TableView {
      const table = requireTable(id);
      if (input.group_id !== undefined) requireGroup(input.group_id);
      if (input.label !== undefined) assertLabelFree(input.label, id);
      if (Object.keys(input).length > 0) db.run(db.q.updateTable('tables').set(input).where('id', '=', id));
      audit(user, 'table_updated', 'table', id, { before: table, changes: input });
      announce(id);
      return findTableState(db, id)!;
    },

    remove(user: AuthUser, id: number): void {
      const table = requireTable(id);
      if (tableHasActiveOrder(db, id)) throw conflict('table_in_use', `Table ${table.label} has an open order`);
      db.run(db.q.updateTable('tables').set({ is_active: 0 }).where('id', '=', id));
      audit(user, 'table_deleted', 'table', id, { label: table.label });
      announce(id);
    },

    groups: () => listGroups(db),

    createGroup(user: AuthUser, input: GroupInput) {
      const id = insertedId(db.run(db.q.insertInto('table_groups').values({ name: input.name, sort_order: input.sort_order ?? 0 })));
      audit(user, 'table_group_created', 'table_group', id, { name: input.name });
      return requireGroup(id);
    },

    updateGroup(user: AuthUser, id: number, input: Partial<GroupInput>) {
      requireGroup(id);
      if (Object.keys(input).length > 0) db.run(db.q.updateTable('table_groups').set(input).where('id', '=', id));
      audit(user, 'table_group_updated', 'table_group', id, { changes: input });
      return requireGroup(id);
    },

    removeGroup(user: AuthUser, id: number): void {
      const group = requireGroup(id);
      if (groupHasActiveTables(db, id)) throw conflict('group_not_empty', `Group "${group.name}" still has tables`);
      db.run(db.q.updateTable('table_groups').set({ is_active: 0 }).where('id', '=', id));
      audit(user, 'table_group_deleted', 'table_group', id, { name: group.name });
    },
  };
}

export type TablesService = ReturnType<typeof createTablesService>;
