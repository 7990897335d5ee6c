import { RollingStats } from '../../src/status/rolling-stats';

describe('RollingStats', () => {
  const t0 = 1_700_000_000_000;

  it('reports request count, 5xx share and p95 per route within the window', () => {
    const stats = new RollingStats(60);
    for (let i = 0; i < 95; i++) stats.record('GET /api/products/:id', 200, 4, t0 + i * 100);
    for (let i = 0; i < 5; i++) stats.record('GET /api/products/:id', 502, 400, t0 + i * 100);
    stats.record('POST /api/orders', 201, 40, t0);

    const [products, orders] = stats.summary(t0 + 10_000);
    expect(products).toEqual({
      route: 'GET /api/products/:id',
      requests: 100,
      ratePerSecond: 1.667,
      errorRate: 0.05,
      p95Ms: 5, // 95 of 100 samples fall in the (3, 5] ms bucket
    });
    expect(orders).toMatchObject({ route: 'POST /api/orders', requests: 1, errorRate: 0, p95Ms: 50 });
  });

  it('forgets samples older than the window, also when a slot is reused', () => {
    const stats = new RollingStats(10);
    stats.record('GET /api/health', 200, 1, t0);
    expect(stats.summary(t0 + 9_999)).toHaveLength(1);
    expect(stats.summary(t0 + 10_000)).toHaveLength(0);

    stats.record('GET /api/health', 500, 1, t0 + 10_000); // same slot, next lap
    expect(stats.summary(t0 + 10_000)).toEqual([expect.objectContaining({ requests: 1, errorRate: 1 })]);
  });
});
