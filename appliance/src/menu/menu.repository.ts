import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import { preparedQuery, type Params } from '../db/prepared.js';

const orderable = preparedQuery((q, p: Params<{ id: number }>) =>
  q
    .selectFrom('products as p')
    .innerJoin('categories as c', 'c.id', 'p.category_id')
    .select(['p.id', 'p.name', 'p.price_cents', 'p.printer_id', 'p.is_available', 'p.stock_remaining', 'p.is_deleted'])
    .select((eb) => eb.fn.coalesce('p.vat_rate_bp', 'c.vat_rate_bp').as('vat_rate_bp'))
    .where('p.id', '=', p.id),
);

type ChoiceKind = 'option' | 'ingredient' | 'set' | 'choice';
const kind = (value: ChoiceKind) => sql.lit(value).as('kind');
const zero = <C extends string>(column: C) => sql<number>`0`.as(column);
const noSet = sql<number | null>`null`.as('set_id');

/**
 * Everything a product offers to choose, in one query: option, ingredient, preference set and
 * choice rows, each in (sort_order, id) order. A union matches columns by position, not by name:
 * every arm selects kind, id, name, cents, set_id, is_required, sort_order in this order.
 */
const choicesOf = preparedQuery((q, p: Params<{ productId: number }>) =>
  q
    .selectFrom('product_options')
    .select([kind('option'), 'id', 'name', 'extra_cost_cents as cents', noSet, zero('is_required'), 'sort_order'])
    .where('product_id', '=', p.productId)
    .unionAll(
      q
        .selectFrom('product_ingredients')
        .select([kind('ingredient'), 'id', 'name', zero('cents'), noSet, zero('is_required'), 'sort_order'])
        .where('product_id', '=', p.productId),
    )
    .unionAll(
      q
        .selectFrom('product_preference_sets')
        .select([kind('set'), 'id', 'name', zero('cents'), noSet, 'is_required', 'sort_order'])
        .where('product_id', '=', p.productId),
    )
    .unionAll(
      q
        .selectFrom('product_preference_choices as c')
        .innerJoin('product_preference_sets as s', 's.id', 'c.set_id')
        .select([kind('choice'), 'c.id', 'c.name', 'c.price_delta_cents as cents', 'c.set_id', zero('is_required'), 'c.sort_order'])
        .where('s.product_id', '=', p.productId),
    )
    .orderBy('kind')
    .orderBy('sort_order')
    .orderBy('id'),
);

type PreferenceSet = { id: number; name: string; is_required: number; choices: Array<{ id: number; set_id: number; name: string; price_delta_cents: number }> };

/** A product as an order line needs it: its price, VAT, printer zone, stock and every valid choice. */
export function findProductForOrder(db: Db, productId: number) {
  const product = orderable.first(db, { id: productId });
  if (!product) return undefined;
  const options: Array<{ id: number; name: string; extra_cost_cents: number }> = [];
  const ingredients: Array<{ id: number; name: string }> = [];
  const sets = new Map<number, PreferenceSet>();
  const rows = choicesOf.all(db, { productId });
  const choices: typeof rows = [];
  for (const row of rows) {
    if (row.kind === 'option') options.push({ id: row.id, name: row.name, extra_cost_cents: row.cents });
    else if (row.kind === 'ingredient') ingredients.push({ id: row.id, name: row.name });
    else if (row.kind === 'set') sets.set(row.id, { id: row.id, name: row.name, is_required: row.is_required, choices: [] });
    else choices.push(row);
  }
  for (const choice of choices)
    sets.get(choice.set_id!)?.choices.push({ id: choice.id, set_id: choice.set_id!, name: choice.name, price_delta_cents: choice.cents });
  return { ...product, options, ingredients, preference_sets: [...sets.values()] };
}

export type ProductForOrder = NonNullable<ReturnType<typeof findProductForOrder>>;

const takeStock = preparedQuery((q, p: Params<{ id: number; quantity: number }>) =>
  q
    .updateTable('products')
    .set((eb) => ({ stock_remaining: eb('stock_remaining', '-', p.quantity) }))
    .where('id', '=', p.id)
    .where('stock_remaining', '>=', p.quantity),
);

/** Takes `quantity` from a limited product's stock; false when there is not enough left. */
export const decrementStock = (tx: Tx, productId: number, quantity: number): boolean => takeStock.run(tx, { id: productId, quantity }).changes === 1;
