import type { Updateable } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { CategoryInput, CategoryView } from './menu.schema.js';
import type { CategoriesTable } from './menu.table.js';

const categoryQuery = (db: Db) => db.q.selectFrom('categories').select(['id', 'name', 'color', 'sort_order', 'vat_rate_bp']).where('is_deleted', '=', 0);

export const listCategories = (db: Db): CategoryView[] => db.all(categoryQuery(db).orderBy('sort_order').orderBy('id'));

export const findLiveCategory = (db: Db, id: number): CategoryView | undefined => db.first(categoryQuery(db).where('id', '=', id));

export const insertCategory = (tx: Tx, values: CategoryInput) => Number(tx.run(tx.q.insertInto('categories').values(values)).lastInsertRowid);

export const updateCategory = (tx: Tx, id: number, values: Updateable<CategoriesTable>) => {
  tx.run(tx.q.updateTable('categories').set(values).where('id', '=', id));
};

export const categoryHasProducts = (db: Db, id: number) =>
  db.first(db.q.selectFrom('products').select('id').where('category_id', '=', id).where('is_deleted', '=', 0)) !== undefined;
