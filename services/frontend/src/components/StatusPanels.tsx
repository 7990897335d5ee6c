// Dashboard panels, fed a normalised status so they render identically in tests and in the app.
import type { GatewayStatus, OrderEvent } from '../api/types';
import type { StreamState } from '../hooks/useEventStream';
import { Empty } from './feedback';
import { formatDate } from './OrderSummary';

const BREAKER_LABEL: Record<string, string> = {
  closed: 'Closed',
  open: 'Open',
  'half-open': 'Half-open',
  halfopen: 'Half-open',
};

export function ServiceCards({ status }: { status: GatewayStatus }) {
  if (status.services.length === 0) return <Empty>The gateway reports no downstream services.</Empty>;
  return (
    <ul className="service-grid" aria-label="Services">
      {status.services.map((s) => (
        <li key={s.name} className={`card service ${s.up ? 'up' : 'down'}`} data-testid={`service-${s.name}`}>
          <h3>{s.name}</h3>
          <p>
            <span className={`dot ${s.up ? 'ok' : 'danger'}`} aria-hidden="true" />
            <span data-testid={`health-${s.name}`}>{s.up ? 'Up' : 'Down'}</span>
          </p>
          <p>
            Breaker:{' '}
            <span className={`badge breaker-${s.breaker ?? 'unknown'}`} data-testid={`breaker-${s.name}`}>
              {s.breaker ? (BREAKER_LABEL[s.breaker] ?? s.breaker) : 'n/a'}
            </span>
          </p>
          {s.latencyMs !== undefined && <p className="hint">Health check {s.latencyMs} ms</p>}
          {s.detail && !s.up && <p className="hint">{s.detail}</p>}
        </li>
      ))}
    </ul>
  );
}

const pct = (rate: number): string => `${(rate * 100).toFixed(rate > 0 && rate < 0.01 ? 2 : 1)}%`;

export function RouteTable({ status }: { status: GatewayStatus }) {
  if (status.routes.length === 0) return <Empty>No traffic recorded yet.</Empty>;
  return (
    <table className="table">
      <caption>Recent latency and errors per route</caption>
      <thead>
        <tr>
          <th scope="col">Route</th>
          <th scope="col">p95 latency</th>
          <th scope="col">Error rate</th>
          <th scope="col">Requests</th>
        </tr>
      </thead>
      <tbody>
        {status.routes.map((r) => (
          <tr key={r.route}>
            <th scope="row">
              <code>{r.route}</code>
            </th>
            <td>{r.p95Ms === null ? '—' : `${Math.round(r.p95Ms)} ms`}</td>
            <td className={r.errorRate >= 0.05 ? 'text-danger' : undefined}>{pct(r.errorRate)}</td>
            <td>{r.count ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const STREAM_LABEL: Record<StreamState, string> = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
  unsupported: 'Not supported by this browser',
};

export function EventFeed({ events, state }: { events: OrderEvent[]; state: StreamState }) {
  return (
    <div>
      <p className="hint">
        <span className={`dot ${state === 'open' ? 'ok' : 'warn'}`} aria-hidden="true" /> Event stream:{' '}
        {STREAM_LABEL[state]}
      </p>
      {events.length === 0 ? (
        <Empty>No order events yet. Place an order to see one.</Empty>
      ) : (
        <ol className="event-feed" aria-label="Order events" aria-live="polite">
          {events.map((e) => (
            <li key={e.eventId}>
              <time dateTime={e.at}>{formatDate(e.at)}</time> Order #{e.orderId}: {e.from ?? 'new'} →{' '}
              <b>{e.to}</b>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
