import { create } from 'zustand';

/** The menu panel's own state; products and categories come from the query cache (queries.ts). */
type MenuState = {
  /** UI: the category tab and the search text. */
  categoryId?: number;
  query: string;
  showCategory(categoryId: number): void;
  search(query: string): void;
};

export const useMenu = create<MenuState>()((set) => ({
  query: '',
  showCategory: (categoryId) => set({ categoryId, query: '' }),
  search: (query) => set({ query }),
}));
