import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ORDER_STATUS_CHANNEL, type OrderStatusEvent } from './events';

/**
 * Appends an event to the outbox with the caller's transaction manager, so the event exists if and only
 * if the change it describes commits. The relay publishes it afterwards.
 */
export async function writeStatusEvent(
  manager: EntityManager,
  event: Omit<OrderStatusEvent, 'eventId'>,
): Promise<OrderStatusEvent> {
  const full: OrderStatusEvent = { eventId: randomUUID(), ...event };
  await manager.query(
    'INSERT INTO outbox_events (event_id, aggregate_id, channel, payload) VALUES ($1, $2, $3, $4)',
    [full.eventId, full.orderId, ORDER_STATUS_CHANNEL, JSON.stringify(full)],
  );
  return full;
}
