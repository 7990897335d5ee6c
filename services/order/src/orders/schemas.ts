import { z } from 'zod';
import {
  Decimal,
  fitsMoneyColumn,
  formatMoney,
  INT4_MAX,
  lineTotal,
  MONEY_MAX,
  moneySchema,
  queryInt,
  serialIdParam,
  sumMoney,
  text,
  userIdSchema,
} from '@eks-sre-lab/kit';
import { ORDER_STATUSES } from './state-machine';

export const MAX_ITEMS = 50;
export const MAX_QUANTITY = 1000;

export const orderIdParamsSchema = z.strictObject({ id: serialIdParam });
export const userParamsSchema = z.strictObject({ userId: userIdSchema });

const itemSchema = z.strictObject({
  productId: z.number().int().positive().max(INT4_MAX),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  unitPrice: moneySchema, // a JSON string ("19.99", the catalog's form) or number
});

export const createOrderSchema = z
  .strictObject({
    userId: userIdSchema,
    items: z
      .array(itemSchema)
      .min(1)
      .max(MAX_ITEMS)
      .refine((items) => new Set(items.map((item) => item.productId)).size === items.length, {
        message: 'each productId may appear only once',
      }),
    shippingAddress: text().trim().min(1).max(500),
  })
  .superRefine((order, ctx) => {
    // Line and order totals must fit DECIMAL(10,2) too: a 400 here instead of a numeric overflow (500).
    // Defensive: only lines whose price and quantity already passed are summed.
    const valid = order.items.filter(
      (item) => typeof item.unitPrice === 'string' && Number.isInteger(item.quantity),
    );
    if (valid.length !== order.items.length) return;
    const lines = valid.map((item) => lineTotal(new Decimal(item.unitPrice), item.quantity));
    lines.forEach((line, index) => {
      if (!fitsMoneyColumn(line)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'quantity'],
          message: `line total ${formatMoney(line)} exceeds ${formatMoney(MONEY_MAX)}`,
        });
      }
    });
    const total = sumMoney(lines);
    if (!fitsMoneyColumn(total)) {
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: `order total ${formatMoney(total)} exceeds ${formatMoney(MONEY_MAX)}`,
      });
    }
  });

export type CreateOrderInput = z.infer<typeof createOrderSchema>;

export const statusChangeSchema = z.strictObject({ status: z.enum(ORDER_STATUSES) });

export const listQuerySchema = z.strictObject({
  limit: queryInt(1, 100).default(20),
  offset: queryInt(0, 1_000_000).default(0),
});
