import { render, screen } from '@testing-library/react';
import { normalizeStatus } from '../src/api/status';
import { EventFeed, RouteTable, ServiceCards } from '../src/components/StatusPanels';

describe('normalizeStatus', () => {
  it('accepts services as an array or a map and breakers given separately', () => {
    const fromArray = normalizeStatus({
      services: [{ name: 'catalog', status: 'down', breaker: { state: 'OPEN' } }],
      routes: [{ route: 'GET /api/products', p95Ms: 12.4, errorRate: 0.5, count: 10 }],
    });
    expect(fromArray.services).toEqual([
      { name: 'catalog', up: false, breaker: 'open', latencyMs: undefined, detail: undefined },
    ]);
    expect(fromArray.routes[0]).toEqual({
      route: 'GET /api/products',
      p95Ms: 12.4,
      errorRate: 0.5,
      count: 10,
    });

    const fromMap = normalizeStatus({
      services: { order: { healthy: true } },
      breakers: { order: 'closed' },
    });
    expect(fromMap.services).toEqual([
      expect.objectContaining({ name: 'order', up: true, breaker: 'closed' }),
    ]);
  });

  it("reads the gateway's shape: health checks plus breaker snapshots and route stats", () => {
    const status = normalizeStatus({
      breakers: { catalog: { state: 'halfOpen', consecutiveFailures: 0 }, order: { state: 'closed' } },
      health: {
        status: 'degraded',
        checks: {
          catalog: { status: 'down', latencyMs: 2.1, detail: 'ECONNREFUSED' },
          order: { status: 'up', latencyMs: 1.5 },
          redis: { status: 'up', latencyMs: 0.4 },
        },
      },
      routes: [{ route: 'GET /api/products', requests: 5, ratePerSecond: 0.1, errorRate: 0.2, p95Ms: 25 }],
      at: '2026-01-01T00:00:00.000Z',
    });
    expect(status.services).toEqual([
      { name: 'catalog', up: false, breaker: 'half-open', latencyMs: 2.1, detail: 'ECONNREFUSED' },
      { name: 'order', up: true, breaker: 'closed', latencyMs: 1.5, detail: undefined },
      { name: 'redis', up: true, breaker: undefined, latencyMs: 0.4, detail: undefined },
    ]);
    expect(status.routes).toEqual([{ route: 'GET /api/products', p95Ms: 25, errorRate: 0.2, count: 5 }]);
    expect(status.checkedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('turns garbage into an empty status instead of throwing', () => {
    expect(normalizeStatus('nope')).toEqual({ services: [], routes: [], checkedAt: undefined });
  });
});

describe('dashboard panels', () => {
  const status = normalizeStatus({
    services: [
      { name: 'catalog', up: false, breaker: 'open', detail: 'connect ECONNREFUSED' },
      { name: 'order', up: true, breaker: 'closed', latencyMs: 3 },
      { name: 'redis', up: true, breaker: 'half-open' },
    ],
    routes: [
      { route: 'GET /api/products', p95Ms: 41.7, errorRate: 0.25, count: 8 },
      { route: 'POST /api/orders', p95Ms: null, errorRate: 0 },
    ],
  });

  it('shows each service up or down with its breaker state', () => {
    render(<ServiceCards status={status} />);
    expect(screen.getByTestId('health-catalog')).toHaveTextContent('Down');
    expect(screen.getByTestId('breaker-catalog')).toHaveTextContent('Open');
    expect(screen.getByTestId('breaker-catalog')).toHaveClass('breaker-open');
    expect(screen.getByTestId('health-order')).toHaveTextContent('Up');
    expect(screen.getByTestId('breaker-order')).toHaveTextContent('Closed');
    expect(screen.getByTestId('breaker-redis')).toHaveTextContent('Half-open');
    expect(screen.getByText('connect ECONNREFUSED')).toBeInTheDocument();
  });

  it('shows p95 and error rate per route', () => {
    render(<RouteTable status={status} />);
    const row = screen.getByRole('row', { name: /GET \/api\/products/ });
    expect(row).toHaveTextContent('42 ms');
    expect(row).toHaveTextContent('25.0%');
    expect(screen.getByRole('row', { name: /POST \/api\/orders/ })).toHaveTextContent('—');
  });

  it('lists order events newest first and says when there are none', () => {
    const { rerender } = render(<EventFeed events={[]} state="connecting" />);
    expect(screen.getByText(/No order events yet/)).toBeInTheDocument();
    rerender(
      <EventFeed
        state="open"
        events={[
          { eventId: 'e1', orderId: 42, from: 'pending', to: 'confirmed', at: '2026-01-01T10:00:00Z' },
        ]}
      />,
    );
    expect(screen.getByRole('list', { name: 'Order events' })).toHaveTextContent(
      'Order #42: pending → confirmed',
    );
    expect(screen.getByText(/Live/)).toBeInTheDocument();
  });
});
