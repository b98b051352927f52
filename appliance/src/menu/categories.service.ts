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
  const announce = (id: number) =>
    db.afterCommit(() => {
      if (!ctx.events.hasSubscribers) return;
      const category = findLiveCategory(db, id);
      if (category) {
        ctx.events.publish({ type: 'category.updated', data: category });
        for (const product of listCategoryProductViews(db, id)) ctx.events.publish({ type: 'product.updated', data: product });
      } else {
        ctx.events.publish({ type: 'category.removed', data: { id } });
      }
    });

  const audit = (user: AuthUser, action: string, id: number, details: Record<string, unknown>) =>
    recordAudit(db, { userId: user.id, action, entity: 'category', entityId: id, details }, isoNow(ctx.clock));

  return {
    requireCategory,
    list: (): CategoryView[] => listCategories(db),

    create(user: AuthUser, input: CategoryInput): CategoryView {
      const id = insertCategory(db, input);
      audit(user, 'category_created', id, input);
      announce(id);
      return requireCategory(id);
    },

    update(user: AuthUser, id: number, changes: Partial<CategoryInput>): CategoryView {
      const before = requireCategory(id);
      if (Object.keys(changes).length > 0) updateCategory(db, id, changes);
      audit(user, 'category_updated', id, { before, changes });
      announce(id);
      return requireCategory(id);
    },

    remove(user: AuthUser, id: number): void {
      const category = requireCategory(id);
      if (categoryHasProducts(db, id)) {
        throw conflict('category_not_empty', `"${category.name}" still has products: move or delete them first`, { category_id: id });
      }
      updateCategory(db, id, { is_deleted: 1 });
      audit(user, 'category_deleted', id, { name: category.name });
      announce(id);
    },
  };
}

export type CategoriesService = ReturnType<typeof createCategoriesService>;
