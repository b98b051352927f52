import type { ProductForOrder } from '../menu/menu.repository.js';
import { badRequest } from '../shared/errors.js';
import type { LineView, NewLine } from './orders.schema.js';

export type LineSnapshot = Pick<LineView, 'name' | 'unit_price_cents' | 'vat_rate_bp' | 'options' | 'preferences' | 'removed_ingredients' | 'printer_id'>;

const invalid = (product: ProductForOrder, message: string) => badRequest('invalid_choice', `${product.name}: ${message}`, { product_id: product.id });

function pick<T extends { id: number }>(product: ProductForOrder, available: T[], wanted: number[], what: string): T[] {
  if (new Set(wanted).size !== wanted.length) throw invalid(product, `the same ${what} was chosen twice`);
  return wanted.map((id) => {
    const entry = available.find((candidate) => candidate.id === id);
    if (!entry) throw invalid(product, `${what} ${id} does not belong to this product`);
    return entry;
  });
}

/**
 * Checks every choice on a new line against its product and freezes what the kitchen and the
 * bill need: later menu edits never change a line already ordered.
 */
export function priceLine(product: ProductForOrder, line: NewLine): LineSnapshot {
  const options = pick(product, product.options, line.option_ids, 'option');
  const removed = pick(product, product.ingredients, line.removed_ingredient_ids, 'ingredient');
  const allChoices = product.preference_sets.flatMap((set) => set.choices.map((choice) => ({ ...choice, set_name: set.name })));
  const choices = pick(product, allChoices, line.preference_choice_ids, 'preference');
  for (const set of product.preference_sets) {
    const chosen = choices.filter((choice) => choice.set_id === set.id).length;
    if (chosen > 1) throw invalid(product, `choose only one ${set.name}`);
    if (chosen === 0 && set.is_required) throw invalid(product, `choose a ${set.name}`);
  }
  const extras = options.reduce((sum, o) => sum + o.extra_cost_cents, 0) + choices.reduce((sum, c) => sum + c.price_delta_cents, 0);
  return {
    name: product.name,
    unit_price_cents: product.price_cents + extras,
    vat_rate_bp: product.vat_rate_bp,
    options: options.map(({ id, name, extra_cost_cents }) => ({ id, name, extra_cost_cents })),
    preferences: choices.map(({ id, name, set_id, set_name, price_delta_cents }) => ({ id, name, set_id, set_name, price_delta_cents })),
    removed_ingredients: removed.map(({ id, name }) => ({ id, name })),
    printer_id: product.printer_id,
  };
}
