import type { Product } from '../menu/api';

/** How many more the draft may ask for; null when the dish is not counted. */
export const stockLeft = (product: Pick<Product, 'stock_remaining'>, inDraft: number): number | null =>
  product.stock_remaining === null ? null : Math.max(0, product.stock_remaining - inDraft);

/** Whether `more` can join the `inDraft` already asked for, before Send, without asking for more than is left. */
export const stockAllows = (product: Pick<Product, 'stock_remaining'>, inDraft: number, more: number) =>
  product.stock_remaining === null || inDraft + more <= product.stock_remaining;
