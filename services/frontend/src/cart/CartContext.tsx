// Cart kept in localStorage so a reload or a new tab keeps it.
import { createContext, useContext, useEffect, useMemo, useReducer, type ReactNode } from 'react';
import { cartReducer, type CartAction } from './cart-state';
import { cartTotal, itemCount, type CartLine } from './money';

const STORAGE_KEY = 'sre-lab.cart';

interface CartValue {
  lines: CartLine[];
  total: string;
  count: number;
  dispatch: (action: CartAction) => void;
}

const CartContext = createContext<CartValue | null>(null);

function load(): CartLine[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as CartLine[]) : [];
  } catch {
    return [];
  }
}

export function CartProvider({ children, initial }: { children: ReactNode; initial?: CartLine[] }) {
  const [lines, dispatch] = useReducer(cartReducer, initial ?? null, (init) => init ?? load());
  useEffect(() => localStorage.setItem(STORAGE_KEY, JSON.stringify(lines)), [lines]);
  const value = useMemo(
    () => ({ lines, dispatch, total: cartTotal(lines), count: itemCount(lines) }),
    [lines],
  );
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCart(): CartValue {
  const value = useContext(CartContext);
  if (!value) throw new Error('useCart outside CartProvider');
  return value;
}
