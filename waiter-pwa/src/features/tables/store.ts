import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { loadSnapshot, saveSnapshot } from '../../shared/cache';
import { createFreshness } from '../../shared/freshness';
import { fetchTables, type Table } from './api';

type TablesState = {
  /** The appliance's last word on every table (GET, then live events). */
  tables: Table[];
  loaded: boolean;
  /** UI: the area shown and the "mine only" filter, remembered on the phone. */
  groupId?: number;
  onlyMine: boolean;
  showGroup(groupId: number): void;
  setOnlyMine(onlyMine: boolean): void;
};

export const useTables = create<TablesState>()(
  persist(
    (set) => ({
      tables: [],
      loaded: false,
      onlyMine: false,
      showGroup: (groupId) => set({ groupId }),
      setOnlyMine: (onlyMine) => set({ onlyMine }),
    }),
    { name: 'tavli.tables-ui', partialize: ({ groupId, onlyMine }) => ({ groupId, onlyMine }) },
  ),
);

const SNAPSHOT = 'tables';
const freshness = createFreshness<number>();
const byPlace = (a: Table, b: Table) => a.sort_order - b.sort_order || a.label.localeCompare(b.label, 'el', { numeric: true });

const store = (tables: Table[]) => {
  const sorted = [...tables].sort(byPlace);
  useTables.setState({ tables: sorted, loaded: true });
  void saveSnapshot(SNAPSHOT, sorted);
};

/** Shows the last known tables at once, then asks the appliance. */
export async function loadTables(): Promise<void> {
  if (!useTables.getState().loaded) {
    const cached = await loadSnapshot<Table[]>(SNAPSHOT);
    if (cached && !useTables.getState().loaded) useTables.setState({ tables: cached, loaded: true });
  }
  const token = freshness.start();
  const result = await fetchTables();
  const tables = result.ok ? freshness.merge(token, result.data, useTables.getState().tables, (table) => table.id) : undefined;
  if (tables) store(tables);
}

/** A `table.updated` event: the table as GET shows it. */
export function applyTable(table: Table): void {
  freshness.touch(table.id);
  const { tables } = useTables.getState();
  const exists = tables.some((existing) => existing.id === table.id);
  store(exists ? tables.map((existing) => (existing.id === table.id ? table : existing)) : [...tables, table]);
}

export function removeTable(id: number): void {
  freshness.touch(id);
  store(useTables.getState().tables.filter((table) => table.id !== id));
}
