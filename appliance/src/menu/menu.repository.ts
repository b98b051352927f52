import type { Db } from '../db/database.js';

/** A product as an order line needs it: its price, VAT, printer zone, stock and every valid choice. */
export function findProductForOrder(db: Db, productId: number) {
  const product = db.first(
    db.q
      .selectFrom('products as p')
      .innerJoin('categories as c', 'c.id', 'p.category_id')
      .select(['p.id', 'p.name', 'p.price_cents', 'p.printer_id', 'p.is_available', 'p.stock_remaining', 'p.is_deleted'])
      .select((eb) => eb.fn.coalesce('p.vat_rate_bp', 'c.vat_rate_bp').as('vat_rate_bp'))
      .where('p.id', '=', productId),
  );
  if (!product) return undefined;
  const options = db.all(
    db.q.selectFrom('product_options').select(['id', 'name', 'extra_cost_cents']).where('product_id', '=', productId).orderBy('sort_order').orderBy('id'),
  );
  const ingredients = db.all(
    db.q.selectFrom('product_ingredients').select(['id', 'name']).where('product_id', '=', productId).orderBy('sort_order').orderBy('id'),
  );
  const sets = db.all(
    db.q
      .selectFrom('product_preference_sets')
      .select(['id', 'name', 'is_required'])
      .where('product_id', '=', productId)
      .orderBy('sort_order')
      .orderBy('id'),
  );
  const choices = sets.length
    ? db.all(
        db.q
          .selectFrom('product_preference_choices')
          .select(['id', 'set_id', 'name', 'price_delta_cents'])
          .where(
            'set_id',
            'in',
            sets.map((s) => s.id),
          )
          .orderBy('sort_order')
          .orderBy('id'),
      )
    : [];
  return {
    ...product,
    options,
    ingredients,
    preference_sets: sets.map((set) => ({ ...set, choices: choices.filter((choice) => choice.set_id === set.id) })),
  };
}

export type ProductForOrder = NonNullable<ReturnType<typeof findProductForOrder>>;

/** Takes `quantity` from a limited product's stock; false when there is not enough left. */
export function decrementStock(db: Db, productId: number, quantity: number): boolean {
  const result = db.run(
    db.q
      .updateTable('products')
      .set((eb) => ({ stock_remaining: eb('stock_remaining', '-', quantity) }))
      .where('id', '=', productId)
      .where('stock_remaining', '>=', quantity),
  );
  return result.changes === 1;
}
