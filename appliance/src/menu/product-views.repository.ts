import type { InferResult } from 'kysely';
import type { Db } from '../db/database.js';
import { groupBy } from '../shared/collections.js';
import type { ProductView } from './menu.schema.js';

const productQuery = (db: Db) =>
  db.q
    .selectFrom('products as p')
    .innerJoin('categories as c', 'c.id', 'p.category_id')
    .select([
      'p.id',
      'p.name',
      'p.category_id',
      'c.name as category_name',
      'c.color as category_color',
      'c.vat_rate_bp as category_vat_rate_bp',
      'p.price_cents',
      'p.vat_rate_bp',
      'p.is_available',
      'p.printer_id',
      'p.image_path',
      'p.sort_order',
      'p.stock_remaining',
    ])
    .where('p.is_deleted', '=', 0)
    .orderBy('c.sort_order')
    .orderBy('c.id')
    .orderBy('p.sort_order')
    .orderBy('p.id');

type Row = InferResult<ReturnType<typeof productQuery>>[number];

/** Options, ingredients, preference sets and choices of every product in four queries. */
function loadChoices(db: Db, productIds: number[]) {
  const options = db.all(
    db.q
      .selectFrom('product_options')
      .select(['product_id', 'id', 'name', 'extra_cost_cents'])
      .where('product_id', 'in', productIds)
      .orderBy('sort_order')
      .orderBy('id'),
  );
  const ingredients = db.all(
    db.q.selectFrom('product_ingredients').select(['product_id', 'id', 'name']).where('product_id', 'in', productIds).orderBy('sort_order').orderBy('id'),
  );
  const sets = db.all(
    db.q
      .selectFrom('product_preference_sets')
      .select(['product_id', 'id', 'name', 'is_required'])
      .where('product_id', 'in', productIds)
      .orderBy('sort_order')
      .orderBy('id'),
  );
  const choices = db.all(
    db.q
      .selectFrom('product_preference_choices as ch')
      .innerJoin('product_preference_sets as s', 's.id', 'ch.set_id')
      .select(['ch.set_id', 'ch.id', 'ch.name', 'ch.price_delta_cents'])
      .where('s.product_id', 'in', productIds)
      .orderBy('ch.sort_order')
      .orderBy('ch.id'),
  );
  return {
    options: groupBy(options, (row) => row.product_id),
    ingredients: groupBy(ingredients, (row) => row.product_id),
    sets: groupBy(sets, (row) => row.product_id),
    choices: groupBy(choices, (row) => row.set_id),
  };
}

function toViews(db: Db, rows: Row[]): ProductView[] {
  if (rows.length === 0) return [];
  const loaded = loadChoices(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    category_id: row.category_id,
    category: { id: row.category_id, name: row.category_name, color: row.category_color },
    price_cents: row.price_cents,
    vat_rate_bp: row.vat_rate_bp ?? row.category_vat_rate_bp,
    vat_rate_override_bp: row.vat_rate_bp,
    is_available: row.is_available === 1,
    printer_id: row.printer_id,
    image_url: row.image_path ? `/images/${row.image_path}` : null,
    sort_order: row.sort_order,
    stock_remaining: row.stock_remaining,
    options: (loaded.options.get(row.id) ?? []).map(({ id, name, extra_cost_cents }) => ({ id, name, extra_cost_cents })),
    ingredients: (loaded.ingredients.get(row.id) ?? []).map(({ id, name }) => ({ id, name })),
    preference_sets: (loaded.sets.get(row.id) ?? []).map((set) => ({
      id: set.id,
      name: set.name,
      is_required: set.is_required === 1,
      choices: (loaded.choices.get(set.id) ?? []).map(({ id, name, price_delta_cents }) => ({ id, name, price_delta_cents })),
    })),
  }));
}

/** The menu in display order; without `includeUnavailable` only what a waiter can order now. */
export function listProductViews(db: Db, includeUnavailable: boolean): ProductView[] {
  const query = includeUnavailable
    ? productQuery(db)
    : productQuery(db)
        .where('p.is_available', '=', 1)
        .where((eb) => eb.or([eb('p.stock_remaining', 'is', null), eb('p.stock_remaining', '>', 0)]));
  return toViews(db, db.all(query));
}

/** A live (not deleted) product, available or not. */
export const findProductView = (db: Db, id: number): ProductView | undefined => toViews(db, db.all(productQuery(db).where('p.id', '=', id)))[0];

export const listCategoryProductViews = (db: Db, categoryId: number): ProductView[] =>
  toViews(db, db.all(productQuery(db).where('p.category_id', '=', categoryId)));
