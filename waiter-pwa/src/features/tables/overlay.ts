import type { Command } from '../outbox/commands';
import type { Table } from './api';

export type TableView = Table & {
  /** Served by the signed-in waiter (or being opened by them from this phone). */
  mine: boolean;
  /** A change from this phone has not reached the appliance yet. */
  queued: boolean;
};

/** The signed-in waiter, as a table's waiter list names them. */
type Me = Table['waiters'][number];

/**
 * The tables as the appliance last told us, with this phone's queued changes laid over them:
 * a table opened offline shows as open and ours, a table being closed as free.
 */
export function overlayTables(tables: Table[], commands: Command[], me: Me | undefined): TableView[] {
  return tables.map((table) => {
    const mine = me !== undefined && table.waiters.some((waiter) => waiter.id === me.id);
    const pending = commands.filter((command) => command.tableId === table.id && command.state === 'queued');
    if (pending.length === 0) return { ...table, mine, queued: false };
    const last = pending[pending.length - 1]!;
    if (last.kind === 'close') return { ...table, mine, queued: true, state: 'available' };
    const opening = pending.find((command) => command.kind === 'open');
    if (opening && table.state === 'available') {
      return {
        ...table,
        state: 'open',
        order_id: opening.orderId,
        waiters: me ? [{ id: me.id, full_name: me.full_name }] : [],
        opened_at: new Date(opening.createdAt).toISOString(),
        mine: true,
        queued: true,
      };
    }
    return { ...table, mine, queued: true };
  });
}
