import type { Tx } from '../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { AppContext } from '../shared/context.js';
import type { AuthUser } from '../shared/env.js';
import { conflict, found } from '../shared/errors.js';
import { isoNow } from '@tavli/server-kit/clock';
import { categoryHasProducts, findLiveCategory, insertCategory, listCategories, updateCategory } from './categories.repository.js';
import type { CategoryInput, CategoryView } from './menu.schema.js';
import { listCategoryProductViews } from './product-views.repository.js';

export function createCategoriesService(ctx: AppContext) {
  const { db } = ctx;

  const requireCategory = (id: number) => found(findLiveCategory(db, id), 'Category');

  /** After commit: the category, and its products (whose colour and VAT come from it), to every screen. */
  const announce = (tx: Tx, id: number) =>
    tx.afterCommit(() => {
      if (!ctx.events.hasSubscribers) return;
      const category = findLiveCategory(db, id);
      if (category) {
        ctx.events.publish({ type: 'category.updated', data: category });
        for (const product of listCategoryProductViews(db, id)) ctx.events.publish({ type: 'product.updated', data: product });
      } else {
        ctx.events.publish({ type: 'category.removed', data: { id } });
      }
    });

  const audit = (tx: Tx, user: AuthUser, action: string, id: number, details: Record<string, unknown>) =>
    recordAudit(tx, { actor: user, action, entity: 'category', entityId: id, details }, isoNow(ctx.clock));

  return {
    requireCategory,
    list: (): CategoryView[] => listCategories(db),

    create(tx: Tx, user: AuthUser, input: CategoryInput): CategoryView {
      const id = insertCategory(tx, input);
      audit(tx, user, 'category_created', id, input);
      announce(tx, id);
      return requireCategory(id);
    },

    update(tx: Tx, user: AuthUser, id: number, changes: Partial<CategoryInput>): CategoryView {
      const before = requireCategory(id);
      if (Object.keys(changes).length > 0) updateCategory(tx, id, changes);
      audit(tx, user, 'category_updated', id, { before, changes });
      announce(tx, id);
      return requireCategory(id);
    },

    remove(tx: Tx, user: AuthUser, id: number): void {
      const category = requireCategory(id);
      if (categoryHasProducts(tx, id)) {
        throw conflict('category_not_empty', `"${category.name}" still has products: move or delete them first`, { category_id: id });
      }
      updateCategory(tx, id, { is_deleted: 1 });
      audit(tx, user, 'category_deleted', id, { name: category.name });
      announce(tx, id);
    },
  };
}
