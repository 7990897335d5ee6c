import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The service's own tables: Idempotency-Key records and the transactional outbox. */
export class CreateIdempotencyAndOutbox1767225600001 implements MigrationInterface {
  name = 'CreateIdempotencyAndOutbox1767225600001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE idempotency_keys (
        key VARCHAR(255) NOT NULL,
        request_hash CHAR(64) NOT NULL,
        order_id INTEGER,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        expires_at TIMESTAMPTZ NOT NULL,
        CONSTRAINT idempotency_keys_pkey PRIMARY KEY (key)
      )`);
    await runner.query('CREATE INDEX idempotency_keys_expires_at_idx ON idempotency_keys (expires_at)');
    await runner.query(`
      CREATE TABLE outbox_events (
        id BIGSERIAL NOT NULL,
        event_id UUID NOT NULL,
        aggregate_id INTEGER NOT NULL,
        channel VARCHAR(100) NOT NULL,
        payload JSONB NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        sent_at TIMESTAMPTZ,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        CONSTRAINT outbox_events_pkey PRIMARY KEY (id)
      )`);
    await runner.query('CREATE UNIQUE INDEX outbox_events_event_id_key ON outbox_events (event_id)');
    // The relay only ever scans unsent rows; the partial index stays small however long the history is.
    await runner.query('CREATE INDEX outbox_events_unsent_idx ON outbox_events (id) WHERE sent_at IS NULL');
    await runner.query(
      'CREATE INDEX outbox_events_unsent_aggregate_idx ON outbox_events (aggregate_id, id) WHERE sent_at IS NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE outbox_events');
    await runner.query('DROP TABLE idempotency_keys');
  }
}
