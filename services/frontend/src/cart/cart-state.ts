// Pure cart reducer so the rules (merge lines, clamp quantities) are testable without React.
import type { CartLine } from './money';

export const MAX_QUANTITY = 99;

export type CartAction =
  | { type: 'add'; line: Omit<CartLine, 'quantity'>; quantity?: number }
  | { type: 'setQuantity'; productId: number; quantity: number }
  | { type: 'remove'; productId: number }
  | { type: 'clear' };

const clamp = (n: number): number => Math.max(0, Math.min(MAX_QUANTITY, Math.floor(n)));

export function cartReducer(lines: CartLine[], action: CartAction): CartLine[] {
  switch (action.type) {
    case 'add': {
      const quantity = action.quantity ?? 1;
      const existing = lines.find((l) => l.productId === action.line.productId);
      if (!existing) return [...lines, { ...action.line, quantity: clamp(quantity) }];
      return lines.map((l) => (l === existing ? { ...l, quantity: clamp(l.quantity + quantity) } : l));
    }
    case 'setQuantity':
      return lines
        .map((l) => (l.productId === action.productId ? { ...l, quantity: clamp(action.quantity) } : l))
        .filter((l) => l.quantity > 0);
    case 'remove':
      return lines.filter((l) => l.productId !== action.productId);
    case 'clear':
      return [];
  }
}
