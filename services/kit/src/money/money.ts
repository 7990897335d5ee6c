import DecimalJs from 'decimal.js';
import { z } from 'zod';

/**
 * Exact decimal arithmetic for money (never binary floats): 3 × 19.99 is 59.97, not 59.970000000000006.
 * A private clone so no other module's Decimal settings leak in.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_EVEN });
export type Decimal = InstanceType<typeof Decimal>;

/** The largest value of the seed's DECIMAL(10,2) columns. */
export const MONEY_MAX = new Decimal('99999999.99');

/** Plain decimal text: optional sign, no leading zeros, no exponent, no spaces. */
const PLAIN_DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Why `text` is not a valid DECIMAL(10,2) amount, or undefined when it is. */
export function moneyProblem(text: string): string | undefined {
  if (!PLAIN_DECIMAL.test(text)) return 'must be a decimal amount such as "19.99"';
  if (text.startsWith('-')) return 'must not be negative';
  const decimals = text.split('.')[1]?.length ?? 0;
  if (decimals > 2) return 'must have at most 2 decimal places';
  if (new Decimal(text).greaterThan(MONEY_MAX)) return `must be at most ${formatMoney(MONEY_MAX)}`;
  return undefined;
}

/** Two decimals, no exponent: the JSON and SQL form ("59.97", "0.00"). */
export function formatMoney(amount: Decimal): string {
  return amount.toFixed(2);
}

export function lineTotal(unitPrice: Decimal, quantity: number): Decimal {
  return unitPrice.times(quantity);
}

export function sumMoney(amounts: readonly Decimal[]): Decimal {
  return amounts.reduce((total, amount) => total.plus(amount), new Decimal(0));
}

export function fitsMoneyColumn(amount: Decimal): boolean {
  return amount.greaterThanOrEqualTo(0) && amount.lessThanOrEqualTo(MONEY_MAX);
}

/**
 * A DECIMAL(10,2) amount from JSON → its canonical text ("19.9" → "19.90"). A JSON number is read through
 * its shortest round-trip text (`String(19.99)` is "19.99"), so prices arrive exact, and
 * `0.1 + 0.2` (0.30000000000000004) is refused, not rounded.
 */
export const moneySchema = z
  .union([z.string().max(32), z.number().transform(String)], {
    error: 'must be a decimal amount such as "19.99"',
  })
  .transform((amount, ctx) => {
    const problem = moneyProblem(amount);
    if (!problem) return formatMoney(new Decimal(amount));
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  });
