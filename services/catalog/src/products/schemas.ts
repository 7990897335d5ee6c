import { z } from 'zod';
import { INT4_MAX, moneySchema, queryInt, serialIdParam, text } from '@eks-sre-lab/kit';

export const MAX_PAGE_SIZE = 100;

export const idParamsSchema = z.strictObject({ id: serialIdParam });

const stockSchema = z.number().int().min(0).max(INT4_MAX);

/** Body of POST and PUT (PUT replaces the whole product; omitted optional fields become null / 0). */
export const productInputSchema = z.strictObject({
  name: text().trim().min(1).max(255),
  description: text().max(10_000).nullable().default(null),
  price: moneySchema,
  categoryId: z.number().int().positive().max(INT4_MAX).nullable().default(null),
  stockQuantity: stockSchema.default(0),
  imageUrl: text()
    .max(500)
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }))
    .nullable()
    .default(null),
});
export type ProductInput = z.output<typeof productInputSchema>;

/** Body of reserve / release. */
export const quantitySchema = z.strictObject({ quantity: z.number().int().min(1).max(1_000_000) });

const SORTS = ['price', '-price', 'name', '-name', 'created', '-created', 'id', '-id'] as const;
export type ProductSort = (typeof SORTS)[number];

/** `GET /products` query: limit/offset paging, category subtree filter, name search, sort. */
export const listQuerySchema = z.strictObject({
  limit: queryInt(1, MAX_PAGE_SIZE).default(20),
  offset: queryInt(0, 100_000).default(0),
  category: serialIdParam.optional(),
  q: text().trim().min(1).max(100).optional(),
  sort: z.enum(SORTS).default('id'),
});
export type ListQuery = z.output<typeof listQuerySchema>;
