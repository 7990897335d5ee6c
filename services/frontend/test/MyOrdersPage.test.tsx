import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { setApiBase } from '../src/api/client';
import { MyOrdersPage } from '../src/pages/MyOrdersPage';
import { SessionProvider } from '../src/session/SessionContext';
import { sendJson, startApiServer, type Handler } from './support/api-server';

const problem = 'application/problem+json';

async function renderMyOrders(handler: Handler) {
  const api = await startApiServer(handler);
  setApiBase(api.url);
  render(
    <MemoryRouter>
      <SessionProvider>
        <MyOrdersPage />
      </SessionProvider>
    </MemoryRouter>,
  );
  return api;
}

// The order service's page shape, passed through by the gateway.
const page = (orders: object[]) => ({ orders, total: orders.length, limit: 20, offset: 0 });

describe('MyOrdersPage', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    setApiBase('');
    localStorage.clear();
  });

  it('asks for a user id, then lists that user’s orders with exact totals', async () => {
    const api = await renderMyOrders((req, res) => {
      if (req.url.startsWith('/api/session')) return sendJson(res, 401, { status: 401 }, problem);
      if (req.url === '/api/orders?userId=ada') {
        return sendJson(
          res,
          200,
          page([
            {
              id: 7,
              userId: 'ada',
              totalAmount: '59.97',
              status: 'confirmed',
              createdAt: '2026-01-02T03:04:05Z',
            },
          ]),
        );
      }
      sendJson(res, 404, { status: 404 }, problem);
    });
    close = api.close;
    await userEvent.type(screen.getByLabelText('User id'), 'ada');
    await userEvent.click(screen.getByRole('button', { name: 'Show my orders' }));
    const row = await screen.findByRole('row', { name: /#7/ });
    expect(row).toHaveTextContent('$59.97');
    expect(row).toHaveTextContent('confirmed');
    expect(screen.getByRole('link', { name: '#7' })).toHaveAttribute('href', '/orders/7');
  });

  it('says so when the user has no orders, and offers a retry on errors', async () => {
    localStorage.setItem('sre-lab.user', 'bob');
    let calls = 0;
    const api = await renderMyOrders((req, res) => {
      if (req.url.startsWith('/api/session')) return sendJson(res, 401, { status: 401 }, problem);
      calls += 1;
      if (calls === 1) return sendJson(res, 503, { title: 'Service Unavailable', status: 503 }, problem);
      sendJson(res, 200, page([]));
    });
    close = api.close;
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/No orders for/)).toHaveTextContent('No orders for bob yet.');
  });
});
