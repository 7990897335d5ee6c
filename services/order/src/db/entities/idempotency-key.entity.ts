import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One `Idempotency-Key` of `POST /orders`: the canonical hash of its first body and the order it made. */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKey {
  @PrimaryColumn({ type: 'varchar', length: 255, primaryKeyConstraintName: 'idempotency_keys_pkey' })
  key!: string;

  /** sha256 hex of the canonical request body. */
  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash!: string;

  /** Set in the same transaction that claimed the key, so it is never seen as null once committed. */
  @Column({ name: 'order_id', type: 'integer', nullable: true })
  orderId!: number | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Index('idempotency_keys_expires_at_idx')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
