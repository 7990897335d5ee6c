import { z } from 'zod';
import { INT4_MAX, queryInt, text, userIdSchema } from '@eks-sre-lab/kit';

const orderItemSchema = z.strictObject({
  productId: z.number().int().positive().max(INT4_MAX),
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
  shippingAddress: text().trim().min(1).max(500),
});

export type CreateOrderBody = z.infer<typeof createOrderSchema>;
export type OrderItemInput = CreateOrderBody['items'][number];

export const orderListQuerySchema = z.object({
  userId: userIdSchema.optional(),
  limit: queryInt(1, 100).optional(),
  offset: queryInt(0, 1_000_000).optional(),
});
