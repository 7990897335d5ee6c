import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { ApiError } from '../src/api/client';
import type { Product } from '../src/api/types';
import { ProductGrid } from '../src/components/ProductGrid';

const products: Product[] = [
  { id: 1, name: 'Coffee Mug', price: '12.50', stockQuantity: 40 },
  { id: 2, name: 'Sticker Pack', price: '3.99', stockQuantity: 0 },
];

function renderGrid(
  state: Parameters<typeof ProductGrid>[0]['state'],
  onAdd = jest.fn(),
  onRetry = jest.fn(),
) {
  render(
    <MemoryRouter>
      <ProductGrid state={state} onAdd={onAdd} onRetry={onRetry} />
    </MemoryRouter>,
  );
  return { onAdd, onRetry };
}

describe('ProductGrid', () => {
  it('renders a card per product with price, link and stock', async () => {
    const { onAdd } = renderGrid({
      status: 'ready',
      data: { items: products, total: 2, limit: 12, offset: 0 },
    });
    const cards = within(screen.getByRole('list', { name: 'Products' })).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Coffee Mug' })).toHaveAttribute('href', '/products/1');
    expect(within(cards[0]!).getByText('$12.50')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add to cart: Sticker Pack' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Add to cart: Coffee Mug' }));
    expect(onAdd).toHaveBeenCalledWith(products[0]);
  });

  it('shows an empty state when nothing matches', () => {
    renderGrid({ status: 'ready', data: { items: [], total: 0, limit: 12, offset: 0 } });
    expect(screen.getByText(/No products match/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Products' })).not.toBeInTheDocument();
  });

  it('shows a loading status', () => {
    renderGrid({ status: 'loading' });
    expect(screen.getByRole('status')).toHaveTextContent('Loading products');
  });

  it('shows the problem title and detail with a retry button', async () => {
    const error = new ApiError(503, { title: 'Catalog unavailable', status: 503, detail: 'circuit open' });
    const { onRetry } = renderGrid({ status: 'error', error });
    expect(screen.getByRole('alert')).toHaveTextContent('Catalog unavailable: circuit open');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
