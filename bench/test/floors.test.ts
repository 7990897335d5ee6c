import { checkFloors } from '../src/report/floors';
import type { CaseResult } from '../src/run/cases';

function result(id: string, rps: number, p99: number, errors = 0): CaseResult {
  return {
    id,
    title: id,
    rounds: [],
    summary: { rps, p50: p99 / 3, p95: p99 / 2, p99, errors, non2xx: errors, socketErrors: 0 },
  };
}

it('judges each floor from the ratios and latencies of one run, printing what decided it', () => {
  const checks = checkFloors(
    [
      result('ceiling-express-hello', 10_000, 10),
      result('gateway-product', 3_450, 25), // 0.345 ×: just under 0.35
      result('catalog-product-hit', 6_000, 25.04),
      result('gateway-create-order', 300, 200, 1),
    ],
    50,
  );
  expect(checks.map((c) => [c.floor, c.measured, c.pass])).toEqual([
    ['gateway-product ≥ 0.35 × Express hello-world', '0.345 ×', false],
    ['gateway-product p99 ≤ 25 ms at 50 connections', '25.00 ms', true],
    ['catalog-product-hit ≥ 0.6 × Express hello-world', '0.600 ×', true],
    ['catalog-product-hit p99 ≤ 25 ms at 50 connections', '25.04 ms', false],
    ['gateway-create-order without errors at 50 connections', '1 errors', false],
  ]);
});
