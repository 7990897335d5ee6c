// Library surface for other workspaces (the local stack, gateway tests): the app factory and event contract.
export { createOrderApp, type OrderApp } from './app';
export { configSchema, type OrderConfig } from './config';
export { ORDER_STATUS_CHANNEL, type OrderStatusEvent } from './outbox/events';
export { ORDER_STATUSES, type OrderStatus } from './orders/state-machine';
