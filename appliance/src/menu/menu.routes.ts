import type { Access } from '../auth/access.js';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireManager } from '../auth/auth.middleware.js';
import { mutateJson } from '../idempotency/idempotency.js';
import type { Services } from '../services.js';
import type { AppContext } from '../shared/context.js';
import type { AppEnv } from '../shared/env.js';
import { badRequest } from '../shared/errors.js';
import { bearer, json, jsonBody } from '@tavli/server-kit/openapi';
import { errors, guardedRouter, IdParam } from '../shared/openapi.js';
import {
  CategorySchema,
  CreateCategoryBody,
  CreateProductBody,
  ImageForm,
  ListProductsQuery,
  ProductForm,
  ProductSchema,
  UpdateCategoryBody,
  UpdateProductBody,
} from './menu.schema.js';

const tags = ['menu'];
const manager = { security: bearer, middleware: requireManager };
const Deleted = z.object({ deleted: z.literal(true) });
const imageHelp = 'PNG, JPEG or WebP (told apart by content, not by name), at most 2 MB';

const list = createRoute({
  operationId: 'listProducts',
  method: 'get',
  path: '/',
  tags,
  security: bearer,
  summary: 'The menu: what can be ordered now',
  request: { query: ListProductsQuery },
  responses: { 200: json(z.array(ProductSchema), 'Products'), ...errors.member({ 403: ['forbidden'] }) },
});
const create = createRoute({
  operationId: 'createProduct',
  method: 'post',
  path: '/',
  summary: 'Add a product to the menu',
  tags,
  ...manager,
  description: `A JSON product, or multipart with the product as JSON in \`data\` and an optional \`image\` (${imageHelp})`,
  request: { body: { content: { 'application/json': { schema: CreateProductBody }, 'multipart/form-data': { schema: ProductForm } }, required: false } },
  responses: {
    201: json(ProductSchema, 'Created'),
    ...errors.manager({ 404: ['not_found'], 413: ['image_too_large'], 415: ['unsupported_media_type'], 422: ['unsupported_image_type'] }),
  },
});
const listCategories = createRoute({
  operationId: 'listCategories',
  method: 'get',
  path: '/categories',
  summary: 'The menu’s categories, in their order',
  tags,
  security: bearer,
  responses: { 200: json(z.array(CategorySchema), 'Categories'), ...errors.member() },
});
const createCategory = createRoute({
  operationId: 'createCategory',
  method: 'post',
  path: '/categories',
  summary: 'Add a category',
  tags,
  ...manager,
  request: jsonBody(CreateCategoryBody),
  responses: { 201: json(CategorySchema, 'Created'), ...errors.manager() },
});
const updateCategory = createRoute({
  operationId: 'updateCategory',
  method: 'put',
  path: '/categories/{id}',
  summary: 'Rename, recolour or reorder a category',
  tags,
  ...manager,
  request: { params: IdParam, ...jsonBody(UpdateCategoryBody) },
  responses: { 200: json(CategorySchema, 'Updated'), ...errors.manager({ 404: ['not_found'] }) },
});
const deleteCategory = createRoute({
  operationId: 'deleteCategory',
  method: 'delete',
  path: '/categories/{id}',
  tags,
  ...manager,
  summary: 'Soft delete; 409 while it has products',
  request: { params: IdParam },
  responses: { 200: json(Deleted, 'Deleted'), ...errors.manager({ 404: ['not_found'], 409: ['category_not_empty'] }) },
});
const update = createRoute({
  operationId: 'updateProduct',
  method: 'put',
  path: '/{id}',
  tags,
  ...manager,
  summary: 'Partial update; is_available false is "86"',
  request: { params: IdParam, ...jsonBody(UpdateProductBody) },
  responses: { 200: json(ProductSchema, 'Updated'), ...errors.manager({ 404: ['not_found'] }) },
});
const remove = createRoute({
  operationId: 'deleteProduct',
  method: 'delete',
  path: '/{id}',
  tags,
  ...manager,
  summary: 'Soft delete: old orders keep their snapshot',
  request: { params: IdParam },
  responses: { 200: json(Deleted, 'Deleted'), ...errors.manager({ 404: ['not_found'] }) },
});
const setImage = createRoute({
  operationId: 'setProductImage',
  method: 'post',
  path: '/{id}/image',
  tags,
  ...manager,
  summary: imageHelp,
  request: { params: IdParam, body: { content: { 'multipart/form-data': { schema: ImageForm } }, required: true } },
  responses: { 200: json(ProductSchema, 'Picture set'), ...errors.manager({ 404: ['not_found'], 413: ['image_too_large'], 422: ['unsupported_image_type'] }) },
});

const isJson = (c: Context<AppEnv>) => /^application\/([\w.-]+\+)?json\b/i.test(c.req.header('content-type') ?? '');
const bodyMissing = () => badRequest('validation_failed', 'Send the product as JSON or as multipart/form-data with a data field');

export function menuRoutes(ctx: AppContext, { menu }: Services, access: Access) {
  const deleted = { deleted: true as const };
  return guardedRouter(access.member)
    .openapi(list, (c) => {
      const query = c.req.valid('query');
      return c.json(menu.list(c.get('user'), { all: query.all === 'true', includeUnavailable: query.include_unavailable === 'true' }), 200);
    })
    .openapi(create, async (c) => {
      if (!c.req.header('content-type')) throw bodyMissing();
      // zod-openapi types both bodies as one union; only the multipart form has `data`.
      const body = isJson(c) ? c.req.valid('json') : c.req.valid('form');
      const input = 'data' in body ? body.data : body;
      const imagePath = 'data' in body && body.image ? await menu.saveImage(body.image) : null;
      return mutateJson(c, ctx, 201, (tx) => menu.create(tx, c.get('user'), input, imagePath));
    })
    .openapi(listCategories, (c) => c.json(menu.categories.list(), 200))
    .openapi(createCategory, (c) => mutateJson(c, ctx, 201, (tx) => menu.categories.create(tx, c.get('user'), c.req.valid('json'))))
    .openapi(updateCategory, (c) => mutateJson(c, ctx, 200, (tx) => menu.categories.update(tx, c.get('user'), c.req.valid('param').id, c.req.valid('json'))))
    .openapi(deleteCategory, (c) => mutateJson(c, ctx, 200, (tx) => (menu.categories.remove(tx, c.get('user'), c.req.valid('param').id), deleted)))
    .openapi(update, (c) => mutateJson(c, ctx, 200, (tx) => menu.update(tx, c.get('user'), c.req.valid('param').id, c.req.valid('json'))))
    .openapi(remove, (c) => mutateJson(c, ctx, 200, (tx) => (menu.remove(tx, c.get('user'), c.req.valid('param').id), deleted)))
    .openapi(setImage, async (c) => {
      const imagePath = await menu.saveImage(c.req.valid('form').image);
      return mutateJson(c, ctx, 200, (tx) => menu.setImage(tx, c.get('user'), c.req.valid('param').id, imagePath));
    });
}
