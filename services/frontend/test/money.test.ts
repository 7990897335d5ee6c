import { cartReducer, MAX_QUANTITY } from '../src/cart/cart-state';
import { cartTotal, itemCount, lineTotal, type CartLine } from '../src/cart/money';

const line = (productId: number, price: string, quantity: number): CartLine => ({
  productId,
  name: `P${productId}`,
  price,
  quantity,
});

describe('cart money', () => {
  it('adds decimal prices exactly where floats drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the float trap this module exists to avoid
    expect(cartTotal([line(1, '0.10', 3), line(2, '0.20', 1)])).toBe('0.50');
    expect(cartTotal([line(1, '19.99', 3)])).toBe('59.97');
    expect(lineTotal(line(1, '1.005', 2))).toBe('2.01');
  });

  it('totals an empty cart as 0.00 and counts items', () => {
    expect(cartTotal([])).toBe('0.00');
    expect(itemCount([line(1, '1.00', 2), line(2, '3.00', 5)])).toBe(7);
  });
});

describe('cart reducer', () => {
  const base = { productId: 7, name: 'Mug', price: '12.50' };

  it('merges repeated adds into one line', () => {
    let lines = cartReducer([], { type: 'add', line: base });
    lines = cartReducer(lines, { type: 'add', line: base, quantity: 2 });
    expect(lines).toEqual([{ ...base, quantity: 3 }]);
  });

  it('clamps quantities and drops lines set to zero', () => {
    const lines = cartReducer([], { type: 'add', line: base, quantity: 500 });
    expect(lines[0]?.quantity).toBe(MAX_QUANTITY);
    expect(cartReducer(lines, { type: 'setQuantity', productId: 7, quantity: 0 })).toEqual([]);
    expect(cartReducer(lines, { type: 'remove', productId: 7 })).toEqual([]);
  });
});
