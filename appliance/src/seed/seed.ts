import fs from 'node:fs';
import type { PinHasher } from '../auth/pin-hash.js';
import type { Db, Tx } from '../db/database.js';
import { setSetting } from '../settings/settings.repository.js';
import { parseFixture, type Fixture } from './fixture.schema.js';

/** Loads a taverna-shaped fixture into an empty database, all in one transaction. */
export const hasStaff = (db: Db) => db.first(db.q.selectFrom('users').select('id').limit(1)) !== undefined;

export async function seedFromFixtureIfEmpty(db: Db, file: string, pins: PinHasher): Promise<boolean> {
  if (hasStaff(db)) return false;
  const fixture = parseFixture(JSON.parse(fs.readFileSync(file, 'utf8')));
  const pinHashes = fixture.users.map((user) => pins.hashSync(user.pin));
  await db.write((tx) => seed(tx, fixture, pinHashes));
  return true;
}

const insertId = (result: { lastInsertRowid: number | bigint }) => Number(result.lastInsertRowid);

function seed(tx: Tx, fixture: Fixture, pinHashes: string[]): void {
  // A seeded appliance (the demo, the tests) is set up: its setup wizard stays closed.
  setSetting(tx, 'setup_finished_at', new Date().toISOString());
  if (fixture.restaurant) {
    setSetting(tx, 'restaurant_name', fixture.restaurant.name);
    if (fixture.restaurant.address) setSetting(tx, 'restaurant_address', fixture.restaurant.address);
    if (fixture.restaurant.vat_number) setSetting(tx, 'vat_number', fixture.restaurant.vat_number);
  }
  const printerIds = new Map<string, number>();
  for (const { key, is_bill_printer, ...printer } of fixture.printers) {
    printerIds.set(key, insertId(tx.run(tx.q.insertInto('printers').values({ ...printer, is_bill_printer: is_bill_printer ? 1 : 0 }))));
  }
  fixture.users.forEach((user, index) => {
    tx.run(tx.q.insertInto('users').values({ username: user.username, full_name: user.full_name, role: user.role, pin_hash: pinHashes[index]! }));
  });
  fixture.table_groups.forEach((group, groupIndex) => {
    const groupId = insertId(tx.run(tx.q.insertInto('table_groups').values({ name: group.name, sort_order: groupIndex })));
    for (let n = 0; n < group.tables.count; n++) {
      const label = `${group.tables.prefix}${group.tables.from + n}`;
      tx.run(tx.q.insertInto('tables').values({ label, group_id: groupId, sort_order: n }));
    }
  });
  const categoryIds = new Map<string, number>();
  for (const category of fixture.categories) {
    const values = {
      name: category.name,
      sort_order: category.sort_order,
      vat_rate_bp: category.vat_rate_bp,
      ...(category.color ? { color: category.color } : {}),
    };
    categoryIds.set(category.name, insertId(tx.run(tx.q.insertInto('categories').values(values))));
  }
  fixture.products.forEach((product, productIndex) => {
    const categoryId = categoryIds.get(product.category);
    if (categoryId === undefined) throw new Error(`fixture: product "${product.name}" names unknown category "${product.category}"`);
    const productId = insertId(
      tx.run(
        tx.q.insertInto('products').values({
          category_id: categoryId,
          name: product.name,
          price_cents: product.price,
          vat_rate_bp: product.vat_rate_bp ?? null,
          is_available: product.is_available ? 1 : 0,
          printer_id: product.printer ? (printerIds.get(product.printer) ?? null) : null,
          image_path: null,
          sort_order: productIndex,
          stock_remaining: product.limited_stock ?? null,
        }),
      ),
    );
    product.options.forEach((option, i) =>
      tx.run(tx.q.insertInto('product_options').values({ product_id: productId, name: option.name, extra_cost_cents: option.extra_cost, sort_order: i })),
    );
    product.ingredients.forEach((ingredient, i) =>
      tx.run(tx.q.insertInto('product_ingredients').values({ product_id: productId, name: ingredient.name, sort_order: i })),
    );
    product.preference_sets.forEach((set, i) => {
      const setId = insertId(
        tx.run(tx.q.insertInto('product_preference_sets').values({ product_id: productId, name: set.name, is_required: set.required ? 1 : 0, sort_order: i })),
      );
      set.choices.forEach((choice, j) =>
        tx.run(
          tx.q.insertInto('product_preference_choices').values({ set_id: setId, name: choice.name, price_delta_cents: choice.price_delta, sort_order: j }),
        ),
      );
    });
  });
}
