import { create } from 'zustand';
import { loadSnapshot, saveSnapshot } from '../../shared/cache';
import { createFreshness } from '../../shared/freshness';
import { fetchCategories, fetchProducts, type Category, type Product } from './api';
import { warmImageCache } from './imageCache';

type MenuState = {
  products: Product[];
  categories: Category[];
  loaded: boolean;
  /** UI: the category tab and the search text. */
  categoryId?: number;
  query: string;
  showCategory(categoryId: number): void;
  search(query: string): void;
};

export const useMenu = create<MenuState>()((set) => ({
  products: [],
  categories: [],
  loaded: false,
  query: '',
  showCategory: (categoryId) => set({ categoryId, query: '' }),
  search: (query) => set({ query }),
}));

type MenuSnapshot = { products: Product[]; categories: Category[] };
const SNAPSHOT = 'menu';
const productsFreshness = createFreshness<number>();
const categoriesFreshness = createFreshness<number>();
const bySort = <T extends { sort_order: number; name: string }>(a: T, b: T) => a.sort_order - b.sort_order || a.name.localeCompare(b.name, 'el');

function store(menu: MenuSnapshot): void {
  const snapshot = { products: [...menu.products].sort(bySort), categories: [...menu.categories].sort(bySort) };
  useMenu.setState({ ...snapshot, loaded: true });
  void saveSnapshot(SNAPSHOT, snapshot);
}

/** Whether a waiter can add it now: not "86'd" and not sold out. */
export const isOrderable = (product: Product) => product.is_available && product.stock_remaining !== 0;

/** The last known menu at once, then the appliance's. */
export async function loadMenu(): Promise<void> {
  if (!useMenu.getState().loaded) {
    const cached = await loadSnapshot<MenuSnapshot>(SNAPSHOT);
    if (cached && !useMenu.getState().loaded) useMenu.setState({ ...cached, loaded: true });
  }
  const tokens = { products: productsFreshness.start(), categories: categoriesFreshness.start() };
  const [products, categories] = await Promise.all([fetchProducts(), fetchCategories()]);
  if (!products.ok || !categories.ok) return;
  const current = useMenu.getState();
  const menu = {
    products: productsFreshness.merge(tokens.products, products.data, current.products, (product) => product.id),
    categories: categoriesFreshness.merge(tokens.categories, categories.data, current.categories, (category) => category.id),
  };
  if (!menu.products || !menu.categories) return;
  store({ products: menu.products, categories: menu.categories });
  warmImageCache(products.data);
}

/**
 * A `product.updated` event. The product stays in the list when it becomes unavailable, so its
 * tile greys out where the waiter expects it rather than vanishing.
 */
export function applyProduct(product: Product): void {
  productsFreshness.touch(product.id);
  const { products, categories } = useMenu.getState();
  const exists = products.some((existing) => existing.id === product.id);
  store({ products: exists ? products.map((existing) => (existing.id === product.id ? product : existing)) : [...products, product], categories });
}

export function removeProduct(id: number): void {
  productsFreshness.touch(id);
  const { products, categories } = useMenu.getState();
  store({ products: products.filter((product) => product.id !== id), categories });
}

export function applyCategory(category: Category): void {
  categoriesFreshness.touch(category.id);
  const { products, categories } = useMenu.getState();
  const exists = categories.some((existing) => existing.id === category.id);
  store({ products, categories: exists ? categories.map((existing) => (existing.id === category.id ? category : existing)) : [...categories, category] });
}

export function removeCategory(id: number): void {
  categoriesFreshness.touch(id);
  const { products, categories } = useMenu.getState();
  store({ products, categories: categories.filter((category) => category.id !== id) });
}
