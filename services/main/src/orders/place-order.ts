import { HttpProblem } from '@eks-sre-lab/kit';
import type { Downstream } from '../downstream/downstream';
import { parseJson, type DownstreamResponse } from '../downstream/http-client';
import { fingerprint, type IdempotencyStore } from './idempotency-store';
import type { OrderItemInput } from './schemas';

export interface PlaceOrderInput {
  userId: string;
  items: OrderItemInput[];
  shippingAddress: string;
}

export interface PlacedOrder {
  response: DownstreamResponse;
  replayed: boolean;
}

export interface Log {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** What the saga takes from the client's request: its logger and the headers that continue its trace. */
export interface RequestScope {
  log: Log;
  traceHeaders: Readonly<Record<string, string>>;
}

/** A failure from a downstream call, tagged with the downstream so the route can map it to 502/503/504. */
export class StepFailure extends Error {
  constructor(
    readonly downstream: Downstream,
    override readonly cause: unknown,
  ) {
    super(`${downstream.name} call failed`);
  }
}

interface Product {
  id: number;
  price: string;
}

/**
 * The order saga: read current prices, reserve stock item by item, create the order with the
 * idempotency key. Whatever fails after a reservation releases every reservation made so far, and the
 * key is given up so the client may retry; a key that already produced an order replays that order.
 */
export class OrderPlacement {
  constructor(
    private readonly catalog: Downstream,
    private readonly orders: Downstream,
    private readonly idempotency: IdempotencyStore,
  ) {}

  async place(input: PlaceOrderInput, key: string, scope: RequestScope): Promise<PlacedOrder> {
    const { log } = scope;
    const print = fingerprint(input);
    const claim = await this.idempotency.begin(key, print).catch((error: unknown) => {
      log.error({ err: error }, 'idempotency store unavailable');
      throw new HttpProblem(503, 'orders are unavailable: the idempotency store (Redis) does not answer', {
        retryAfterSeconds: 5,
      });
    });
    if (claim.kind === 'mismatch') {
      throw new HttpProblem(409, 'this Idempotency-Key was already used with a different request');
    }
    if (claim.kind === 'pending') {
      throw new HttpProblem(409, 'an order with this Idempotency-Key is still being placed', {
        retryAfterSeconds: 1,
      });
    }
    if (claim.kind === 'done') {
      const response = await this.step(scope, this.orders, 'GET', `/orders/${claim.orderId}`);
      return { response, replayed: true };
    }
    try {
      const placed = await this.placeNew(input, key, scope);
      const order = parseJson<{ id: number | string }>(placed.response);
      await this.idempotency.complete(key, print, String(order.id)).catch((error: unknown) => {
        log.error({ err: error, key }, 'order placed but its idempotency record was not saved');
      });
      return placed;
    } catch (error) {
      await this.idempotency.abandon(key).catch(() => undefined); // expires by itself anyway
      throw error;
    }
  }

  private async placeNew(input: PlaceOrderInput, key: string, scope: RequestScope): Promise<PlacedOrder> {
    const prices = await Promise.all(input.items.map((item) => this.price(scope, item.productId)));
    const reserved: OrderItemInput[] = [];
    try {
      for (const item of input.items) {
        await this.reserve(scope, item);
        reserved.push(item);
      }
      const created = await this.step(scope, this.orders, 'POST', '/orders', {
        body: {
          userId: input.userId,
          items: input.items.map((item, i) => ({ ...item, unitPrice: prices[i] })),
          shippingAddress: input.shippingAddress,
        },
        headers: { 'idempotency-key': key },
      });
      if (created.status >= 400) throw new RelayedAnswer(created);
      if (created.status === 200) {
        // The order service already had an order for this key (our Redis record was lost): the first
        // attempt's reservation stands, so this attempt's must go.
        await this.releaseAll(scope, reserved);
        return { response: created, replayed: true };
      }
      return { response: created, replayed: false };
    } catch (error) {
      await this.releaseAll(scope, reserved);
      throw error;
    }
  }

  private async price(scope: RequestScope, productId: number): Promise<string> {
    const response = await this.step(scope, this.catalog, 'GET', `/catalog/products/${productId}`);
    if (response.status === 404) throw new HttpProblem(422, `product ${productId} does not exist`);
    if (response.status >= 400) throw new RelayedAnswer(response);
    return parseJson<Product>(response).price;
  }

  private async reserve(scope: RequestScope, item: OrderItemInput): Promise<void> {
    const response = await this.step(
      scope,
      this.catalog,
      'POST',
      `/catalog/products/${item.productId}/reserve`,
      {
        body: { quantity: item.quantity },
      },
    );
    if (response.status === 409) {
      throw new HttpProblem(409, `not enough stock for product ${item.productId}`);
    }
    if (response.status === 404) throw new HttpProblem(422, `product ${item.productId} does not exist`);
    if (response.status >= 400) throw new RelayedAnswer(response);
  }

  /** Compensation. Not retried: a release is not idempotent, so a failed one is logged for repair. */
  private async releaseAll(scope: RequestScope, items: OrderItemInput[]): Promise<void> {
    await Promise.all(
      items.map(async ({ productId, quantity }) => {
        try {
          const response = await this.catalog.call({
            method: 'POST',
            path: `/catalog/products/${productId}/release`,
            body: { quantity },
            headers: scope.traceHeaders,
          });
          if (response.status >= 400) throw new Error(`catalog answered ${response.status}`);
        } catch (error) {
          scope.log.error({ err: error, productId, quantity }, 'stock release failed; stock stays reserved');
        }
      }),
    );
  }

  private async step(
    scope: RequestScope,
    downstream: Downstream,
    method: 'GET' | 'POST',
    path: string,
    extra: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<DownstreamResponse> {
    try {
      return await downstream.call({
        method,
        path,
        body: extra.body,
        headers: { ...scope.traceHeaders, ...extra.headers },
      });
    } catch (error) {
      throw new StepFailure(downstream, error);
    }
  }
}

/** A downstream 4xx the gateway passes through to the client unchanged. */
export class RelayedAnswer extends Error {
  constructor(readonly response: DownstreamResponse) {
    super(`downstream answered ${response.status}`);
  }
}
