import { recordAudit, type Actor } from '../audit/audit.repository.js';
import type { AppContext } from '../shared/context.js';
import { conflict, found } from '../shared/errors.js';
import { isoNow } from '@tavli/server-kit/clock';
import type { Db, Tx } from '../db/database.js';
import {
  deactivateGroup,
  deactivateTable,
  findActiveGroup,
  findActiveTable,
  groupHasActiveTables,
  insertGroup,
  insertTable,
  labelTaken,
  listGroups,
  updateGroup,
  updateTable,
} from './tables.repository.js';
import type { TableView } from './tables.schema.js';

type TableInput = { label: string; group_id: number; sort_order?: number | undefined };
type GroupInput = { name: string; sort_order?: number | undefined };

/** Each table's live state, which comes from its orders (orders/floor.repository.ts, wired in services.ts). */
export type FloorStates = { list(db: Db): TableView[]; find(db: Db, id: number): TableView | undefined };

export function createTablesService(ctx: AppContext, floor: FloorStates) {
  const { db } = ctx;
  const findTableState = floor.find;

  const requireGroup = (id: number) => found(findActiveGroup(db, id), 'Table group');
  const requireTable = (id: number) => found(findActiveTable(db, id), 'Table');
  const assertLabelFree = (label: string, exceptId?: number) => {
    if (labelTaken(db, label, exceptId)) throw conflict('label_taken', `A table labelled "${label}" already exists`);
  };

  /** Pushes a table's live state to every screen once the current write is durable. */
  const announce = (tx: Tx, tableId: number) =>
    tx.afterCommit(() => {
      if (!ctx.events.hasSubscribers) return;
      const table = findTableState(db, tableId);
      ctx.events.publish(table ? { type: 'table.updated', data: table } : { type: 'table.removed', data: { id: tableId } });
    });

  const audit = (tx: Tx, user: Actor, action: string, entity: string, entityId: number, details: Record<string, unknown>) =>
    recordAudit(tx, { actor: user, action, entity, entityId, details }, isoNow(ctx.clock));

  return {
    announce,
    list: (): TableView[] => floor.list(db),
    get: (id: number): TableView => found(findTableState(db, id), 'Table'),
    requireTable,

    create(tx: Tx, user: Actor, input: TableInput): TableView {
      requireGroup(input.group_id);
      assertLabelFree(input.label);
      const id = insertTable(tx, { label: input.label, group_id: input.group_id, sort_order: input.sort_order ?? 0 });
      audit(tx, user, 'table_created', 'table', id, { label: input.label });
      announce(tx, id);
      return findTableState(tx, id)!;
    },

    createBatch(tx: Tx, user: Actor, input: { group_id: number; prefix: string; from: number; count: number }): TableView[] {
      requireGroup(input.group_id);
      const ids: number[] = [];
      for (let n = 0; n < input.count; n++) {
        const label = `${input.prefix}${input.from + n}`;
        assertLabelFree(label);
        ids.push(insertTable(tx, { label, group_id: input.group_id, sort_order: input.from + n }));
      }
      audit(tx, user, 'tables_created', 'table_group', input.group_id, { prefix: input.prefix, from: input.from, count: input.count });
      ids.forEach((id) => announce(tx, id));
      return ids.map((id) => findTableState(tx, id)!);
    },

    update(tx: Tx, user: Actor, id: number, input: Partial<TableInput>): TableView {
      const table = requireTable(id);
      if (input.group_id !== undefined) requireGroup(input.group_id);
      if (input.label !== undefined) assertLabelFree(input.label, id);
      if (Object.keys(input).length > 0) updateTable(tx, id, input);
      audit(tx, user, 'table_updated', 'table', id, { before: table, changes: input });
      announce(tx, id);
      return findTableState(tx, id)!;
    },

    remove(tx: Tx, user: Actor, id: number): void {
      const table = requireTable(id);
      if (findTableState(db, id)?.order_id) throw conflict('table_in_use', `Table ${table.label} has an open order`);
      deactivateTable(tx, id);
      audit(tx, user, 'table_deleted', 'table', id, { label: table.label });
      announce(tx, id);
    },

    groups: () => listGroups(db),

    createGroup(tx: Tx, user: Actor, input: GroupInput) {
      const id = insertGroup(tx, { name: input.name, sort_order: input.sort_order ?? 0 });
      audit(tx, user, 'table_group_created', 'table_group', id, { name: input.name });
      return requireGroup(id);
    },

    updateGroup(tx: Tx, user: Actor, id: number, input: Partial<GroupInput>) {
      requireGroup(id);
      if (Object.keys(input).length > 0) updateGroup(tx, id, input);
      audit(tx, user, 'table_group_updated', 'table_group', id, { changes: input });
      return requireGroup(id);
    },

    removeGroup(tx: Tx, user: Actor, id: number): void {
      const group = requireGroup(id);
      if (groupHasActiveTables(db, id)) throw conflict('group_not_empty', `Group "${group.name}" still has tables`);
      deactivateGroup(tx, id);
      audit(tx, user, 'table_group_deleted', 'table_group', id, { name: group.name });
    },
  };
}

export type TablesService = ReturnType<typeof createTablesService>;
