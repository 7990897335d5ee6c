import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { listOrders } from '../api/endpoints';
import { formatMoney } from '../cart/money';
import { Empty, ErrorNotice, Loading } from '../components/feedback';
import { formatDate, StatusBadge } from '../components/OrderSummary';
import { useAsync } from '../hooks/useAsync';
import { useSession } from '../session/SessionContext';

export function MyOrdersPage() {
  const { userId } = useSession();
  return (
    <section aria-labelledby="my-orders-title">
      <h1 id="my-orders-title">My orders</h1>
      {userId ? <OrderList userId={userId} /> : <SignInForm />}
    </section>
  );
}

function OrderList({ userId }: { userId: string }) {
  const orders = useAsync((signal) => listOrders(userId, signal), [userId]);
  if (orders.status === 'loading') return <Loading label="Loading your orders…" />;
  if (orders.status === 'error') return <ErrorNotice error={orders.error} onRetry={orders.reload} />;
  if (orders.data.orders.length === 0) {
    return (
      <Empty>
        No orders for <strong>{userId}</strong> yet. <Link to="/">Start shopping</Link>.
      </Empty>
    );
  }
  return (
    <table className="table">
      <caption>
        Orders for {userId} ({orders.data.total})
      </caption>
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Placed</th>
          <th scope="col">Status</th>
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {orders.data.orders.map((o) => (
          <tr key={o.id}>
            <td>
              <Link to={`/orders/${o.id}`}>#{o.id}</Link>
            </td>
            <td>{formatDate(o.createdAt)}</td>
            <td>
              <StatusBadge status={o.status} />
            </td>
            <td>{formatMoney(o.totalAmount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SignInForm() {
  const { signIn } = useSession();
  const [id, setId] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (id.trim()) void signIn(id.trim());
  };
  return (
    <form className="card form narrow" onSubmit={submit}>
      <p>Enter your user id to see your orders.</p>
      <div className="field">
        <label htmlFor="signin-user">User id</label>
        <input id="signin-user" value={id} onChange={(e) => setId(e.target.value)} required />
      </div>
      <button type="submit" className="button">
        Show my orders
      </button>
    </form>
  );
}
