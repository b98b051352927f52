import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** The floor screen's own state; the tables themselves come from the query cache (queries.ts). */
type TablesState = {
  /** UI: the area shown and the "mine only" filter, remembered on the phone. */
  groupId?: number;
  onlyMine: boolean;
  showGroup(groupId: number): void;
  setOnlyMine(onlyMine: boolean): void;
};

export const useTables = create<TablesState>()(
  persist(
    (set) => ({
      onlyMine: false,
      showGroup: (groupId) => set({ groupId }),
      setOnlyMine: (onlyMine) => set({ onlyMine }),
    }),
    { name: 'tavli.tables-ui', partialize: ({ groupId, onlyMine }) => ({ groupId, onlyMine }) },
  ),
);
