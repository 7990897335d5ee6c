import { z } from 'zod';
import { parsePrice } from '../money';

const INT32_MAX = 2_147_483_647;
export const MAX_PAGE_SIZE = 100;

/** A SERIAL id as it appears in a path or query: digits only, within INTEGER. */
export const idSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be a positive integer id')
  .transform(Number)
  .refine((id) => id <= INT32_MAX, 'must be at most 2147483647');

export const idParamsSchema = z.strictObject({ id: idSchema });

const priceSchema = z
  .union([z.string().max(20), z.number()], { error: 'must be a decimal string like "19.99" or a number' })
  .transform((value, ctx) => {
    const parsed = parsePrice(value);
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.price;
  });

const stockSchema = z.number().int().min(0).max(INT32_MAX);

/** Body of POST and PUT (PUT replaces the whole product; omitted optional fields become null / 0). */
export const productInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(255),
  description: z.string().max(10_000).nullable().default(null),
  price: priceSchema,
  categoryId: z.number().int().positive().max(INT32_MAX).nullable().default(null),
  stockQuantity: stockSchema.default(0),
  imageUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(500)
    .nullable()
    .default(null),
});
export type ProductInput = z.output<typeof productInputSchema>;

/** Body of reserve / release. */
export const quantitySchema = z.strictObject({ quantity: z.number().int().min(1).max(1_000_000) });

const SORTS = ['price', '-price', 'name', '-name', 'created', '-created', 'id', '-id'] as const;
export type ProductSort = (typeof SORTS)[number];

const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a non-negative integer')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/** `GET /products` query: limit/offset paging, category subtree filter, name search, sort. */
export const listQuerySchema = z.strictObject({
  limit: intParam(1, MAX_PAGE_SIZE).default(20),
  offset: intParam(0, 100_000).default(0),
  category: idSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(SORTS).default('id'),
});
export type ListQuery = z.output<typeof listQuerySchema>;
