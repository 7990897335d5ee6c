import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { setApiBase } from '../src/api/client';
import { CartProvider } from '../src/cart/CartContext';
import { CheckoutPage } from '../src/pages/CheckoutPage';
import { SessionProvider } from '../src/session/SessionContext';
import { sendJson, startApiServer, type Handler } from './support/api-server';

const problem = 'application/problem+json';

async function renderCheckout(handler: Handler) {
  const api = await startApiServer(handler);
  setApiBase(api.url);
  render(
    <MemoryRouter initialEntries={['/checkout']}>
      <SessionProvider>
        <CartProvider initial={[{ productId: 3, name: 'Notebook', price: '19.99', quantity: 3 }]}>
          <Routes>
            <Route path="/checkout" element={<CheckoutPage />} />
            <Route path="/orders/:id" element={<p>order page</p>} />
          </Routes>
        </CartProvider>
      </SessionProvider>
    </MemoryRouter>,
  );
  return api;
}

const sessionless: Handler = (req, res) =>
  req.url === '/api/session' ? sendJson(res, 401, { title: 'No session', status: 401 }, problem) : undefined;

describe('CheckoutPage', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    setApiBase('');
  });

  it('labels every control and validates before sending anything', async () => {
    const api = await renderCheckout(sessionless);
    close = api.close;
    expect(screen.getByLabelText('User id')).toBeInTheDocument();
    expect(screen.getByLabelText('Shipping address')).toBeInTheDocument();
    expect(screen.getByTestId('checkout-total')).toHaveTextContent('$59.97');

    await userEvent.click(screen.getByRole('button', { name: /Place order/ }));
    expect(screen.getByLabelText('User id')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('User id')).toHaveAccessibleDescription('Enter a user id.');
    expect(screen.getByLabelText('Shipping address')).toHaveAccessibleDescription(
      'Enter a shipping address.',
    );
    expect(screen.getByLabelText('User id')).toHaveFocus();
    expect(api.requests.filter((r) => r.url === '/api/orders')).toHaveLength(0);
  });

  it('retries a failed order with the same Idempotency-Key and clears the cart on success', async () => {
    let attempts = 0;
    const api = await renderCheckout((req, res) => {
      if (req.url !== '/api/orders') return sessionless(req, res);
      attempts += 1;
      if (attempts === 1) {
        return sendJson(
          res,
          503,
          { title: 'Order service unavailable', status: 503, detail: 'breaker open' },
          problem,
        );
      }
      sendJson(res, 201, { id: 42, userId: 'alice', totalAmount: '59.97', status: 'pending', items: [] });
    });
    close = api.close;
    await userEvent.type(screen.getByLabelText('User id'), 'alice');
    await userEvent.type(screen.getByLabelText('Shipping address'), '1 Main St, Springfield');
    await userEvent.click(screen.getByRole('button', { name: /Place order/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Order service unavailable: breaker open');

    await userEvent.click(screen.getByRole('button', { name: 'Retry order' }));
    expect(await screen.findByText('order page')).toBeInTheDocument();

    const posts = api.requests.filter((r) => r.url === '/api/orders');
    expect(posts).toHaveLength(2);
    const key = posts[0]!.headers['idempotency-key'];
    expect(key).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(posts[1]!.headers['idempotency-key']).toBe(key);
    expect(JSON.parse(posts[1]!.body.toString())).toEqual({
      userId: 'alice',
      shippingAddress: '1 Main St, Springfield',
      items: [{ productId: 3, quantity: 3 }],
    });
    await waitFor(() => expect(JSON.parse(localStorage.getItem('sre-lab.cart') ?? '[]')).toEqual([]));
  });

  it('shows field errors the server returns in problem+json', async () => {
    const api = await renderCheckout((req, res) =>
      req.url === '/api/orders'
        ? sendJson(
            res,
            422,
            {
              title: 'Validation failed',
              status: 422,
              errors: [{ path: 'shippingAddress', message: 'Address is not deliverable' }],
            },
            problem,
          )
        : sessionless(req, res),
    );
    close = api.close;
    await userEvent.type(screen.getByLabelText('User id'), 'bob');
    await userEvent.type(screen.getByLabelText('Shipping address'), 'Nowhere 0');
    await userEvent.click(screen.getByRole('button', { name: /Place order/ }));
    await waitFor(() =>
      expect(screen.getByLabelText('Shipping address')).toHaveAccessibleDescription(
        'Address is not deliverable',
      ),
    );
  });
});
