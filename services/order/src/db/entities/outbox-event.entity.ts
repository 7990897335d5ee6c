import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A message waiting to be (or already) published by the outbox relay; written in the change's transaction. */
@Entity({ name: 'outbox_events' })
// Partial indexes (WHERE sent_at IS NULL) for the relay's scans; defined in the migration.
@Index('outbox_events_unsent_idx', { synchronize: false })
@Index('outbox_events_unsent_aggregate_idx', { synchronize: false })
export class OutboxEvent {
  /** bigserial: publication order (per order, ids follow commit order because changes lock the order row). */
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'outbox_events_pkey' })
  id!: string;

  @Index('outbox_events_event_id_key', { unique: true })
  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  /** The order the event is about: the unit of ordering. */
  @Column({ name: 'aggregate_id', type: 'integer' })
  aggregateId!: number;

  @Column({ type: 'varchar', length: 100 })
  channel!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
