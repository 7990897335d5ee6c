import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { CartProvider } from '../src/cart/CartContext';
import { CartPage } from '../src/pages/CartPage';

function renderCart() {
  render(
    <MemoryRouter>
      <CartProvider
        initial={[
          { productId: 1, name: 'Pencil', price: '0.10', quantity: 3 },
          { productId: 2, name: 'Eraser', price: '0.20', quantity: 1 },
        ]}
      >
        <CartPage />
      </CartProvider>
    </MemoryRouter>,
  );
}

describe('CartPage', () => {
  it('shows exact subtotals and total', () => {
    renderCart();
    expect(screen.getByTestId('subtotal-1')).toHaveTextContent('$0.30');
    expect(screen.getByTestId('cart-total')).toHaveTextContent('$0.50');
  });

  it('recomputes when a quantity changes and persists the cart', async () => {
    renderCart();
    const qty = screen.getByLabelText('Quantity of Eraser');
    fireEvent.change(qty, { target: { value: '' } });
    expect(screen.getByTestId('cart-total')).toHaveTextContent('$0.50'); // mid-edit: line kept
    fireEvent.change(qty, { target: { value: '4' } });
    expect(screen.getByTestId('cart-total')).toHaveTextContent('$1.10');
    expect(JSON.parse(localStorage.getItem('sre-lab.cart') ?? '[]')).toContainEqual(
      expect.objectContaining({ productId: 2, quantity: 4 }),
    );
  });

  it('removes a line and shows the empty state when nothing is left', async () => {
    renderCart();
    await userEvent.click(screen.getByRole('button', { name: 'Remove Pencil' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove Eraser' }));
    expect(screen.getByText(/Your cart is empty/)).toBeInTheDocument();
  });
});
