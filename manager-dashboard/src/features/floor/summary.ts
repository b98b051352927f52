import { compareGreek } from '@tavli/i18n/greek';
import type { Table } from './queries';

type FloorSummary = { openTables: number; unpaidCents: number };

/** Open tables and what they still owe, from the live table list. */
export function floorSummary(tables: Table[]): FloorSummary {
  let openTables = 0;
  let unpaidCents = 0;
  for (const table of tables) {
    if (table.state === 'available') continue;
    openTables += 1;
    unpaidCents += table.unpaid_cents;
  }
  return { openTables, unpaidCents };
}

/** Tables by their group, groups in floor order, tables in theirs. */
export function byGroup(tables: Table[], groupOrder: Array<{ id: number; name: string }>) {
  const known = new Map(groupOrder.map((group, index) => [group.id, index]));
  const groups = new Map<number, { id: number; name: string; tables: Table[] }>();
  for (const table of tables) {
    const group = groups.get(table.group_id) ?? { id: table.group_id, name: table.group_name, tables: [] };
    group.tables.push(table);
    groups.set(table.group_id, group);
  }
  return [...groups.values()].sort((a, b) => (known.get(a.id) ?? Infinity) - (known.get(b.id) ?? Infinity) || compareGreek(a.name, b.name));
}
