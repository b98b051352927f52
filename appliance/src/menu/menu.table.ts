import type { Generated } from 'kysely';

export interface CategoriesTable {
  id: Generated<number>;
  name: string;
  color: Generated<string>;
  sort_order: Generated<number>;
  vat_rate_bp: Generated<number>;
  is_deleted: Generated<number>;
}

export interface ProductsTable {
  id: Generated<number>;
  category_id: number;
  name: string;
  price_cents: number;
  vat_rate_bp: number | null;
  is_available: Generated<number>;
  printer_id: number | null;
  image_path: string | null;
  sort_order: Generated<number>;
  stock_remaining: number | null;
  is_deleted: Generated<number>;
  updated_at: Generated<string>;
}

export interface ProductOptionsTable {
  id: Generated<number>;
  product_id: number;
  name: string;
  extra_cost_cents: Generated<number>;
  sort_order: Generated<number>;
}

export interface ProductIngredientsTable {
  id: Generated<number>;
  product_id: number;
  name: string;
  sort_order: Generated<number>;
}

export interface ProductPreferenceSetsTable {
  id: Generated<number>;
  product_id: number;
  name: string;
  is_required: Generated<number>;
  sort_order: Generated<number>;
}

export interface ProductPreferenceChoicesTable {
  id: Generated<number>;
  set_id: number;
  name: string;
  price_delta_cents: Generated<number>;
  sort_order: Generated<number>;
}
