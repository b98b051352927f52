import type { InferRequestType } from 'hono/client';
import { parseAmount } from '@tavli/i18n/money';
import type { client } from '../../shared/api/client';
import type { MessageKey } from '../../i18n/i18n';
import type { Product } from './queries';

/** The product form as typed: amounts and percentages as text, "" for "none". */
export type ProductDraft = {
  name: string;
  category_id: string;
  price: string;
  vat: string;
  printer_id: string;
  stock: string;
  options: Array<{ name: string; extra: string }>;
  ingredients: Array<{ name: string }>;
  preference_sets: Array<{ name: string; is_required: boolean; choices: Array<{ name: string; delta: string }> }>;
};

/** What PUT /api/products/{id} takes: the form saves every field but availability (one tap on the list) and order. */
export type ProductBody = Omit<Required<InferRequestType<(typeof client.api.products)[':id']['$put']>['json']>, 'is_available' | 'sort_order'>;

export type DraftErrors = Partial<Record<'name' | 'category_id' | 'price' | 'vat' | 'stock' | 'options' | 'preference_sets', MessageKey>>;

const MAX_CENTS = 10_000_000;
/** Cents typed as text; empty is 0, and anything unreadable is -1 (which `amountOk` refuses). */
const cents = (text: string) => (text.trim() === '' ? 0 : (parseAmount(text) ?? -1));
const amountOk = (value: number) => value >= 0 && value <= MAX_CENTS;

export const emptyDraft = (categoryId?: number): ProductDraft => ({
  name: '',
  category_id: categoryId === undefined ? '' : String(categoryId),
  price: '',
  vat: '',
  printer_id: '',
  stock: '',
  options: [],
  ingredients: [],
  preference_sets: [],
});

const amountText = (value: number) => (value / 100).toFixed(2).replace('.', ',');

export const draftOf = (product: Product): ProductDraft => ({
  name: product.name,
  category_id: String(product.category_id),
  price: amountText(product.price_cents),
  vat: product.vat_rate_override_bp === null ? '' : String(product.vat_rate_override_bp / 100).replace('.', ','),
  printer_id: product.printer_id === null ? '' : String(product.printer_id),
  stock: product.stock_remaining === null ? '' : String(product.stock_remaining),
  options: product.options.map((option) => ({ name: option.name, extra: amountText(option.extra_cost_cents) })),
  ingredients: product.ingredients.map((ingredient) => ({ name: ingredient.name })),
  preference_sets: product.preference_sets.map((set) => ({
    name: set.name,
    is_required: set.is_required,
    choices: set.choices.map((choice) => ({ name: choice.name, delta: amountText(choice.price_delta_cents) })),
  })),
});

/** The form's contents checked as the appliance would check them, so the manager hears what is wrong before saving. */
export function validateProduct(draft: ProductDraft): { ok: true; body: ProductBody } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (!name || name.length > 80) errors.name = 'menu.error.name';
  if (!draft.category_id) errors.category_id = 'menu.error.category';
  const price = parseAmount(draft.price) ?? -1;
  if (!amountOk(price)) errors.price = 'menu.error.price';
  const vatPercent = draft.vat.trim() === '' ? null : Number(draft.vat.replace(',', '.'));
  if (vatPercent !== null && !(Number.isFinite(vatPercent) && vatPercent >= 0 && vatPercent <= 100)) errors.vat = 'menu.error.vat';
  const stock = draft.stock.trim() === '' ? null : Number(draft.stock);
  if (stock !== null && !(Number.isInteger(stock) && stock >= 0 && stock <= 1_000_000)) errors.stock = 'menu.error.stock';
  const options = draft.options.map((option) => ({ name: option.name.trim(), extra_cost_cents: cents(option.extra) }));
  if (options.some((option) => !option.name || !amountOk(option.extra_cost_cents))) errors.options = 'menu.error.options';
  const sets = draft.preference_sets.map((set) => ({
    name: set.name.trim(),
    is_required: set.is_required,
    choices: set.choices.map((choice) => ({ name: choice.name.trim(), price_delta_cents: cents(choice.delta) })),
  }));
  const badSet = (set: (typeof sets)[number]) =>
    !set.name || set.choices.length === 0 || set.choices.some((choice) => !choice.name || !amountOk(choice.price_delta_cents));
  if (sets.some(badSet)) errors.preference_sets = 'menu.error.preferences';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      name,
      category_id: Number(draft.category_id),
      price_cents: price,
      vat_rate_bp: vatPercent === null ? null : Math.round(vatPercent * 100),
      printer_id: draft.printer_id ? Number(draft.printer_id) : null,
      stock_remaining: stock,
      options,
      ingredients: draft.ingredients.map((ingredient) => ({ name: ingredient.name.trim() })).filter((ingredient) => ingredient.name),
      preference_sets: sets,
    },
  };
}
