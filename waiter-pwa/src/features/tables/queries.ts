import { queryOptions } from '@tanstack/react-query';
import { queryClient, unwrap } from '../../shared/api/queries';
import { createFreshness } from '../../shared/freshness';
import { fetchTables, type Table } from './api';

const key = ['tables'] as const;
const freshness = createFreshness<number>();
const byPlace = (a: Table, b: Table) => a.sort_order - b.sort_order || a.label.localeCompare(b.label, 'el', { numeric: true });
const current = () => queryClient.getQueryData<Table[]>(key) ?? [];

/** Every table as GET /api/tables shows it, in floor order; events that raced the GET win over it. */
export const tablesQuery = queryOptions({
  queryKey: key,
  queryFn: async () => {
    const token = freshness.start();
    const fetched = await unwrap(fetchTables());
    return (freshness.merge(token, fetched, current(), (table) => table.id) ?? current()).sort(byPlace);
  },
});

/** A `table.updated` event: the table as GET shows it. */
export function applyTable(table: Table): void {
  freshness.touch(table.id);
  const tables = current();
  const exists = tables.some((existing) => existing.id === table.id);
  queryClient.setQueryData(key, (exists ? tables.map((existing) => (existing.id === table.id ? table : existing)) : [...tables, table]).sort(byPlace));
}

export function removeTable(id: number): void {
  freshness.touch(id);
  queryClient.setQueryData(
    key,
    current().filter((table) => table.id !== id),
  );
}
