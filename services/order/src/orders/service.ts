import { type DataSource, type EntityManager, In } from 'typeorm';
import { Order } from '../db/entities/order.entity';
import { OrderItem } from '../db/entities/order-item.entity';
import type { IdempotencyStore } from '../idempotency/store';
import { requestHash } from '../idempotency/request-hash';
import { writeStatusEvent } from '../outbox/writer';
import { IdempotencyKeyReused, OrderNotFound, TransitionRefused } from './errors';
import { Decimal, formatMoney, lineTotal, sumMoney } from '@eks-sre-lab/kit';
import type { CreateOrderInput } from './schemas';
import { allowedTransitions, canTransition, isOrderStatus, type OrderStatus } from './state-machine';
import { toOrderView, type OrderView } from './view';

/** Told after each commit (metrics, waking the outbox relay). */
export interface OrderListener {
  created(): void;
  replayed(): void;
  transitioned(from: OrderStatus, to: OrderStatus): void;
}

export interface Created {
  order: OrderView;
  /** true: the Idempotency-Key had already produced this order. */
  replayed: boolean;
}

export interface OrderPage {
  orders: OrderView[];
  total: number;
}

export class OrderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyStore,
    private readonly listener: OrderListener,
  ) {}

  /** Totals are computed here, exactly; the client only sends unit prices and quantities. */
  async create(input: CreateOrderInput, idempotencyKey?: string): Promise<Created> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      if (idempotencyKey !== undefined) {
        const claim = await this.idempotency.claim(manager, idempotencyKey, requestHash(input));
        if (claim.kind === 'mismatch') throw new IdempotencyKeyReused();
        if (claim.kind === 'replay') return { orderId: claim.orderId, replayed: true };
      }
      const orderId = await this.insertOrder(manager, input);
      if (idempotencyKey !== undefined) await this.idempotency.complete(manager, idempotencyKey, orderId);
      return { orderId, replayed: false };
    });
    if (outcome.replayed) this.listener.replayed();
    else this.listener.created();
    return { order: await this.require(outcome.orderId), replayed: outcome.replayed };
  }

  async get(orderId: number): Promise<OrderView | undefined> {
    const order = await this.dataSource.getRepository(Order).findOneBy({ id: orderId });
    if (!order) return undefined;
    const items = await this.dataSource
      .getRepository(OrderItem)
      .find({ where: { orderId }, order: { id: 'ASC' } });
    return toOrderView(order, items);
  }

  /** Row lock on the order: concurrent changes of one order queue up and each sees the previous result. */
  async changeStatus(orderId: number, to: OrderStatus): Promise<OrderView> {
    const from = await this.dataSource.transaction(async (manager) => {
      const order = await manager
        .getRepository(Order)
        .findOne({ where: { id: orderId }, lock: { mode: 'pessimistic_write' } });
      if (!order) throw new OrderNotFound(orderId);
      const current = order.status ?? 'pending'; // the seed's column is nullable with DEFAULT 'pending'
      if (!isOrderStatus(current)) throw new TransitionRefused(orderId, current, to, []);
      if (!canTransition(current, to)) {
        throw new TransitionRefused(orderId, current, to, allowedTransitions(current));
      }
      // clock_timestamp(), not the transaction's start time: a change that waited for the lock is later.
      const [updated] = (await manager.query(
        'UPDATE orders SET status = $2, updated_at = clock_timestamp() WHERE id = $1 RETURNING updated_at',
        [orderId, to],
      )) as { updated_at: Date }[];
      await writeStatusEvent(manager, {
        orderId,
        userId: order.userId,
        from: current,
        to,
        at: (updated?.updated_at ?? new Date()).toISOString(),
      });
      return current;
    });
    this.listener.transitioned(from, to);
    return this.require(orderId);
  }

  /** Newest first (created_at, then id), with the total count for paging. */
  async listByUser(userId: string, limit: number, offset: number): Promise<OrderPage> {
    const [orders, total] = await this.dataSource.getRepository(Order).findAndCount({
      where: { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    const items = orders.length
      ? await this.dataSource
          .getRepository(OrderItem)
          .find({ where: { orderId: In(orders.map((order) => order.id)) }, order: { id: 'ASC' } })
      : [];
    return {
      orders: orders.map((order) =>
        toOrderView(
          order,
          items.filter((item) => item.orderId === order.id),
        ),
      ),
      total,
    };
  }

  private async insertOrder(manager: EntityManager, input: CreateOrderInput): Promise<number> {
    const lines = input.items.map((item) => ({
      ...item,
      totalPrice: lineTotal(new Decimal(item.unitPrice), item.quantity),
    }));
    const inserted = await manager.getRepository(Order).insert({
      userId: input.userId,
      totalAmount: formatMoney(sumMoney(lines.map((line) => line.totalPrice))),
      status: 'pending',
      shippingAddress: input.shippingAddress,
    });
    const generated = inserted.generatedMaps[0] as Pick<Order, 'id' | 'updatedAt'>;
    await manager.getRepository(OrderItem).insert(
      lines.map((line) => ({
        orderId: generated.id,
        productId: line.productId,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        totalPrice: formatMoney(line.totalPrice),
      })),
    );
    await writeStatusEvent(manager, {
      orderId: generated.id,
      userId: input.userId,
      from: null,
      to: 'pending',
      at: generated.updatedAt.toISOString(),
    });
    return generated.id;
  }

  private async require(orderId: number): Promise<OrderView> {
    const order = await this.get(orderId);
    if (!order) throw new OrderNotFound(orderId);
    return order;
  }
}
