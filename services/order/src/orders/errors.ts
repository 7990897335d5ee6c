import type { OrderStatus } from './state-machine';

export class OrderNotFound extends Error {
  constructor(readonly orderId: number) {
    super(`order ${orderId} does not exist`);
  }
}

export class TransitionRefused extends Error {
  constructor(
    readonly orderId: number,
    readonly from: string,
    readonly to: OrderStatus,
    readonly allowed: readonly OrderStatus[],
  ) {
    const options = allowed.length ? `allowed from ${from}: ${allowed.join(', ')}` : `${from} is final`;
    super(`order ${orderId} cannot go from ${from} to ${to} (${options})`);
  }
}

export class IdempotencyKeyReused extends Error {
  constructor() {
    super('this Idempotency-Key was already used with a different request body');
  }
}
