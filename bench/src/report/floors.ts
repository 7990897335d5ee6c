import type { CaseResult } from '../run/cases';

export interface FloorCheck {
  floor: string;
  measured: string;
  pass: boolean;
}

export const CEILING_BARE = 'ceiling-bare-http';
export const CEILING_EXPRESS = 'ceiling-express-hello';
export const KIT_HELLO = 'kit-hello';

/** The floors from the issue, checked against the ratios of this one run. */
export function checkFloors(results: CaseResult[], connections: number): FloorCheck[] {
  const by = (id: string) => results.find((r) => r.id === id);
  const express = by(CEILING_EXPRESS)?.summary.rps;
  const checks: FloorCheck[] = [];
  const ratioFloor = (id: string, min: number) => {
    const r = by(id);
    if (!r || !express) return;
    const ratio = r.summary.rps / express;
    checks.push({
      floor: `${id} ≥ ${min} × Express hello-world`,
      // Three decimals: 0.345 must not print as a passing-looking 0.35.
      measured: `${ratio.toFixed(3)} ×`,
      pass: ratio >= min,
    });
    checks.push({
      floor: `${id} p99 ≤ 25 ms at ${connections} connections`,
      measured: `${r.summary.p99.toFixed(2)} ms`,
      pass: r.summary.p99 <= 25,
    });
  };
  ratioFloor('gateway-product', 0.35);
  ratioFloor('catalog-product-hit', 0.6);
  const orders = by('gateway-create-order');
  if (orders) {
    checks.push({
      floor: `gateway-create-order without errors at ${connections} connections`,
      measured: `${orders.summary.errors} errors`,
      pass: orders.summary.errors === 0,
    });
  }
  return checks;
}
