import { z } from 'zod';

export const userIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w.@+-]+$/, 'letters, digits and . _ @ + - only');

const orderItemSchema = z.strictObject({
  productId: z.number().int().positive().max(2_147_483_647),
  quantity: z.number().int().min(1).max(1000),
});

export const createOrderSchema = z.strictObject({
  userId: userIdSchema.optional(),
  items: z
    .array(orderItemSchema)
    .min(1)
    .max(50)
    .refine((items) => new Set(items.map((i) => i.productId)).size === items.length, {
      message: 'each productId may appear only once',
    }),
  shippingAddress: z.string().trim().min(1).max(500),
});

export type CreateOrderBody = z.infer<typeof createOrderSchema>;
export type OrderItemInput = CreateOrderBody['items'][number];

/** Printable ASCII without spaces, as most idempotency-key producers (UUIDs, ULIDs) emit. */
export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

export const orderIdSchema = z.string().regex(/^[1-9]\d{0,17}$/, 'a positive integer');

export const orderListQuerySchema = z.object({
  userId: userIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
