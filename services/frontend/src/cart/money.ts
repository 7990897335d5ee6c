// Cart arithmetic in exact decimals: 0.1 + 0.2 must be 0.30, not 0.30000000000000004.
import Decimal from 'decimal.js';

export interface CartLine {
  productId: number;
  name: string;
  price: string;
  quantity: number;
}

export function lineTotal(line: Pick<CartLine, 'price' | 'quantity'>): string {
  return new Decimal(line.price).times(line.quantity).toFixed(2);
}

export function cartTotal(lines: readonly Pick<CartLine, 'price' | 'quantity'>[]): string {
  return lines
    .reduce((sum, line) => sum.plus(new Decimal(line.price).times(line.quantity)), new Decimal(0))
    .toFixed(2);
}

export function itemCount(lines: readonly Pick<CartLine, 'quantity'>[]): number {
  return lines.reduce((n, line) => n + line.quantity, 0);
}

const formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Display only; the decimal string stays the source of truth. */
export function formatMoney(amount: string): string {
  return formatter.format(Number(amount));
}
