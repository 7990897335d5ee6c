import { budgetBurnedPercent, ERROR_BUDGET_MINUTES, percentile } from '../src';

it('takes nearest-rank percentiles', () => {
  const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
  expect(percentile(values, 95)).toBe(95);
  expect(percentile(values, 100)).toBe(100);
  expect(percentile([7], 95)).toBe(7);
  expect(percentile([], 95)).toBe(0);
});

it('counts error budget: 99.9 % over 30 days allows 43.2 minutes of full outage', () => {
  expect(ERROR_BUDGET_MINUTES).toBeCloseTo(43.2, 6);
  expect(budgetBurnedPercent(43.2 * 60_000, 1)).toBeCloseTo(100, 6);
  // Ten minutes with a quarter of requests failing = 2.5 bad minutes.
  expect(budgetBurnedPercent(10 * 60_000, 0.25)).toBeCloseTo((2.5 / 43.2) * 100, 6);
  expect(budgetBurnedPercent(60_000, 0)).toBe(0);
});
