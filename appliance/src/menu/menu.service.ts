import type { Tx } from '../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import { hasRole } from '../auth/auth.middleware.js';
import type { AppContext } from '../shared/context.js';
import type { AuthUser } from '../shared/env.js';
import { conflict, forbidden, found, notFound } from '../shared/errors.js';
import { isoNow } from '@tavli/server-kit/clock';
import { createCategoriesService } from './categories.service.js';
import { decrementStock, findProductForOrder, type ProductForOrder } from './menu.repository.js';
import type { ProductChanges, ProductInput, ProductView } from './menu.schema.js';
import { storeProductImage } from './product-images.js';
import { findProductView, listProductViews } from './product-views.repository.js';
import { activePrinterExists, findLiveProduct, insertProduct, replaceProductChoices, updateProduct } from './products.repository.js';

/** The products-table columns of an input; the lists go to their own tables. */
function productColumns<T extends ProductChanges>({
  options: _options,
  ingredients: _ingredients,
  preference_sets: _preferenceSets,
  is_available,
  ...columns
}: T) {
  return { ...columns, ...(is_available === undefined ? {} : { is_available: is_available ? 1 : 0 }) };
}

export function createMenuService(ctx: AppContext) {
  const { db } = ctx;
  const categories = createCategoriesService(ctx);

  /** Pushes a product as GET shows it (or its removal) to every screen once the current write is durable. */
  const announceProduct = (tx: Tx, productId: number) =>
    tx.afterCommit(() => {
      if (!ctx.events.hasSubscribers) return;
      const product = findProductView(db, productId);
      ctx.events.publish(product ? { type: 'product.updated', data: product } : { type: 'product.removed', data: { id: productId } });
    });

  const audit = (tx: Tx, user: AuthUser, action: string, id: number, details: Record<string, unknown>) =>
    recordAudit(tx, { actor: user, action, entity: 'product', entityId: id, details }, isoNow(ctx.clock));

  const requireProduct = (id: number) => found(findLiveProduct(db, id), 'Product');
  const assertReferences = ({ category_id, printer_id }: ProductChanges) => {
    if (category_id !== undefined) categories.requireCategory(category_id);
    if (printer_id != null && !activePrinterExists(db, printer_id)) throw notFound(`Printer ${printer_id}`);
  };
  /** Inside the write that changed it: the product as GET will show it. */
  const view = (id: number): ProductView => found(findProductView(db, id), 'Product');

  return {
    announceProduct,
    categories,

    /** The orderable product, or 404 / 409 (deleted, unavailable). */
    productForOrder(productId: number): ProductForOrder {
      const product = findProductForOrder(db, productId);
      if (!product || product.is_deleted) throw found(undefined, `Product ${productId}`);
      if (!product.is_available || product.stock_remaining === 0) {
        throw conflict('product_unavailable', `${product.name} is not available right now`, { product_id: productId });
      }
      return product;
    },

    /** Takes limited stock inside the caller's write; 409 when not enough is left. */
    takeStock(tx: Tx, product: ProductForOrder, quantity: number): void {
      if (product.stock_remaining === null) return;
      if (!decrementStock(tx, product.id, quantity)) {
        const left = findProductForOrder(tx, product.id)?.stock_remaining ?? 0;
        throw conflict('out_of_stock', `Only ${left} × ${product.name} left`, { product_id: product.id, stock_remaining: left });
      }
      announceProduct(tx, product.id);
    },

    /** What a waiter can order now; `includeUnavailable` (managers only) adds 86'd and sold-out products. */
    list(user: AuthUser, options: { all: boolean; includeUnavailable: boolean }): ProductView[] {
      if (options.all && !hasRole(user.role, 'manager')) throw forbidden('Only managers may list the whole menu with ?all=true');
      return listProductViews(db, options.all || options.includeUnavailable);
    },

    /** Checks and stores a picture before the write that points a product at it. */
    saveImage: (file: File): Promise<string> => storeProductImage(ctx.imagesDir, file),

    create(tx: Tx, user: AuthUser, input: ProductInput, imagePath: string | null = null): ProductView {
      assertReferences(input);
      const id = insertProduct(tx, { ...productColumns(input), image_path: imagePath });
      replaceProductChoices(tx, id, input);
      audit(tx, user, 'product_created', id, { ...input, image_path: imagePath });
      announceProduct(tx, id);
      return view(id);
    },

    /** Omitted fields keep their values; a given list replaces the old one. */
    update(tx: Tx, user: AuthUser, id: number, changes: ProductChanges): ProductView {
      const before = requireProduct(id);
      assertReferences(changes);
      updateProduct(tx, id, { ...productColumns(changes), updated_at: isoNow(ctx.clock) });
      replaceProductChoices(tx, id, changes);
      const price = changes.price_cents !== undefined && changes.price_cents !== before.price_cents;
      audit(tx, user, 'product_updated', id, {
        before,
        changes,
        ...(price ? { price_cents: { before: before.price_cents, after: changes.price_cents } } : {}),
      });
      announceProduct(tx, id);
      return view(id);
    },

    /** Soft delete: order lines keep their snapshot of the product. */
    remove(tx: Tx, user: AuthUser, id: number): void {
      const product = requireProduct(id);
      updateProduct(tx, id, { is_deleted: 1, updated_at: isoNow(ctx.clock) });
      audit(tx, user, 'product_deleted', id, { name: product.name });
      announceProduct(tx, id);
    },

    setImage(tx: Tx, user: AuthUser, id: number, imagePath: string): ProductView {
      const product = requireProduct(id);
      updateProduct(tx, id, { image_path: imagePath, updated_at: isoNow(ctx.clock) });
      audit(tx, user, 'product_image_set', id, { name: product.name, before: product.image_path, after: imagePath });
      announceProduct(tx, id);
      return view(id);
    },
  };
}

export type MenuService = ReturnType<typeof createMenuService>;
