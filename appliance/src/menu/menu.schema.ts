import { z } from '@hono/zod-openapi';

const id = z.number().int();
const name = z.string().trim().min(1).max(80);
/** Integer cents, VAT included; capped so a typo cannot price a souvlaki at a million. */
const cents = z.number().int().min(0).max(10_000_000);
const vatRate = z.number().int().min(0).max(10_000).openapi({ description: 'Basis points: 1300 = 13 %' });
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #3d405b');

export const CategorySchema = z.object({ id, name: z.string(), color: z.string(), sort_order: id, vat_rate_bp: id }).openapi('Category');

export const ProductSchema = z
  .object({
    id,
    name: z.string(),
    category_id: id,
    category: z.object({ id, name: z.string(), color: z.string() }),
    price_cents: id,
    vat_rate_bp: id.openapi({ description: "Effective rate: the product's override, else its category's" }),
    vat_rate_override_bp: id.nullable(),
    is_available: z.boolean().openapi({ description: 'The manager\'s switch ("86" sets it false). Stock 0 also stops orders.' }),
    printer_id: id.nullable(),
    image_url: z.string().nullable(),
    sort_order: id,
    stock_remaining: id.nullable().openapi({ description: 'null = unlimited' }),
    options: z.array(z.object({ id, name: z.string(), extra_cost_cents: id })),
    ingredients: z.array(z.object({ id, name: z.string() })),
    preference_sets: z.array(
      z.object({ id, name: z.string(), is_required: z.boolean(), choices: z.array(z.object({ id, name: z.string(), price_delta_cents: id })) }),
    ),
  })
  .openapi('Product');

const OptionInput = z.object({ name, extra_cost_cents: cents.default(0) });
const IngredientInput = z.object({ name });
const PreferenceSetInput = z.object({
  name,
  is_required: z.boolean().default(true),
  choices: z
    .array(z.object({ name, price_delta_cents: cents.default(0) }))
    .min(1)
    .max(30),
});

export const CreateProductBody = z
  .object({
    name,
    category_id: id.positive(),
    price_cents: cents,
    vat_rate_bp: vatRate.nullable().optional().openapi({ description: "Overrides the category's rate; null uses the category's" }),
    is_available: z.boolean().optional(),
    printer_id: id.positive().nullable().optional(),
    sort_order: id.optional(),
    stock_remaining: z.number().int().min(0).max(1_000_000).nullable().optional(),
    options: z.array(OptionInput).max(50).optional(),
    ingredients: z.array(IngredientInput).max(50).optional(),
    preference_sets: z.array(PreferenceSetInput).max(20).optional(),
  })
  .openapi('ProductInput');

export const UpdateProductBody = CreateProductBody.partial().openapi('ProductUpdate');

const imageFile = z.file().openapi({ type: 'string', format: 'binary', description: 'PNG, JPEG or WebP, at most 2 MB' });

/** Multipart creation: the product as JSON in `data`, and optionally its picture. */
export const ProductForm = z.object({
  data: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'data must be the product as JSON' });
        return z.NEVER;
      }
    })
    .pipe(CreateProductBody)
    .openapi({ type: 'string', description: 'The product as JSON, shaped like ProductInput' }),
  image: imageFile.optional(),
});

export const ImageForm = z.object({ image: imageFile });

export const ListProductsQuery = z.object({
  all: z.enum(['true', 'false']).optional().openapi({ description: 'true (managers only) adds unavailable products' }),
  include_unavailable: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: "true (anyone signed in) adds unavailable (86'd) products, so a phone can show them greyed out" }),
});

export const CreateCategoryBody = z.object({ name, color: color.optional(), sort_order: id.optional(), vat_rate_bp: vatRate.optional() });
export const UpdateCategoryBody = CreateCategoryBody.partial();

export type ProductView = z.infer<typeof ProductSchema>;
export type CategoryView = z.infer<typeof CategorySchema>;
export type ProductInput = z.infer<typeof CreateProductBody>;
export type ProductChanges = z.infer<typeof UpdateProductBody>;
export type CategoryInput = z.infer<typeof CreateCategoryBody>;
