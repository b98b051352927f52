import type { Insertable, Updateable } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { ProductChanges } from './menu.schema.js';
import type { ProductsTable } from './menu.table.js';

const insertedId = (result: { lastInsertRowid: number | bigint }) => Number(result.lastInsertRowid);

/** The stored row of a live (not deleted) product, as the audit log records it. */
export const findLiveProduct = (db: Db, id: number) =>
  db.first(
    db.q
      .selectFrom('products')
      .select(['id', 'name', 'category_id', 'price_cents', 'vat_rate_bp', 'is_available', 'printer_id', 'image_path', 'sort_order', 'stock_remaining'])
      .where('id', '=', id)
      .where('is_deleted', '=', 0),
  );

export const activePrinterExists = (db: Db, id: number) =>
  db.first(db.q.selectFrom('printers').select('id').where('id', '=', id).where('is_active', '=', 1)) !== undefined;

export const insertProduct = (tx: Tx, values: Insertable<ProductsTable>) => insertedId(tx.run(tx.q.insertInto('products').values(values)));

export const updateProduct = (tx: Tx, id: number, values: Updateable<ProductsTable>) => {
  tx.run(tx.q.updateTable('products').set(values).where('id', '=', id));
};

/** Replaces each list that is given; order lines keep their own snapshot, so old ids may go. */
export function replaceProductChoices(tx: Tx, productId: number, { options, ingredients, preference_sets }: ProductChanges): void {
  if (options) {
    tx.run(tx.q.deleteFrom('product_options').where('product_id', '=', productId));
    options.forEach((option, sort_order) => tx.run(tx.q.insertInto('product_options').values({ product_id: productId, ...option, sort_order })));
  }
  if (ingredients) {
    tx.run(tx.q.deleteFrom('product_ingredients').where('product_id', '=', productId));
    ingredients.forEach(({ name }, sort_order) => tx.run(tx.q.insertInto('product_ingredients').values({ product_id: productId, name, sort_order })));
  }
  if (preference_sets) {
    tx.run(tx.q.deleteFrom('product_preference_sets').where('product_id', '=', productId));
    preference_sets.forEach(({ name, is_required, choices }, sort_order) => {
      const setId = insertedId(
        tx.run(tx.q.insertInto('product_preference_sets').values({ product_id: productId, name, is_required: is_required ? 1 : 0, sort_order })),
      );
      choices.forEach((choice, index) => tx.run(tx.q.insertInto('product_preference_choices').values({ set_id: setId, ...choice, sort_order: index })));
    });
  }
}
