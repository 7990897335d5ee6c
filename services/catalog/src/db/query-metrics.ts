import { performance } from 'node:perf_hooks';
import type { AfterQueryEvent, BeforeQueryEvent, DataSource, EntitySubscriberInterface } from 'typeorm';
import type { CatalogMetrics } from '../metrics';

const STATEMENTS = new Set(['select', 'insert', 'update', 'delete', 'with', 'start', 'commit', 'rollback']);

/** `select`, `update`, ... from the SQL text: a label with a handful of values, never the query itself. */
export function statementKind(sql: string): string {
  const word = /^\s*\(?\s*([a-z]+)/i.exec(sql)?.[1]?.toLowerCase() ?? 'other';
  return STATEMENTS.has(word) ? word : 'other';
}

/**
 * Counts every SQL statement and times it (db_queries_total, db_query_duration_seconds). A query runner
 * runs one statement at a time, so the start time is kept per runner between the before/after events.
 */
class QueryMetricsSubscriber implements EntitySubscriberInterface {
  private readonly started = new WeakMap<object, number>();

  constructor(private readonly metrics: CatalogMetrics) {}

  beforeQuery(event: BeforeQueryEvent): void {
    this.started.set(event.queryRunner, performance.now());
  }

  afterQuery(event: AfterQueryEvent): void {
    const statement = statementKind(event.query);
    const start = this.started.get(event.queryRunner);
    this.metrics.dbQueries.inc({ statement });
    if (start === undefined) return;
    const seconds = (performance.now() - start) / 1000;
    this.metrics.dbQueryDuration.observe({ statement, success: String(event.success) }, seconds);
  }
}

/** Subscribes after `initialize()` (which rebuilds the subscriber list from the options). */
export function instrumentQueries(dataSource: DataSource, metrics: CatalogMetrics): void {
  dataSource.subscribers.push(new QueryMetricsSubscriber(metrics));
}
