import Decimal from 'decimal.js';

/** DECIMAL(10,2): up to 8 integer digits and 2 decimals, no sign, no exponent. */
const PRICE_TEXT = /^(0|[1-9]\d{0,7})(\.\d{1,2})?$/;

/**
 * Canonical price text ("19.9" → "19.90") from a JSON string or number, or an error message. A JSON
 * number is read through its shortest round-trip text (`String(19.99)` is "19.99"), so a price with at
 * most 10 significant digits arrives exact; `0.1 + 0.2` (0.30000000000000004) is rejected, not rounded.
 */
export function parsePrice(input: string | number): { price: string } | { error: string } {
  const text = typeof input === 'number' ? String(input) : input;
  if (text.startsWith('-')) return { error: 'must not be negative' };
  if (!PRICE_TEXT.test(text)) {
    return { error: 'must be a decimal with at most 8 digits before and 2 after the point, e.g. "19.99"' };
  }
  return { price: new Decimal(text).toFixed(2) };
}
