import { Link, useLocation, useParams } from 'react-router';
import { getOrder } from '../api/endpoints';
import { ErrorNotice, Loading } from '../components/feedback';
import { OrderDetails } from '../components/OrderSummary';
import { useAsync } from '../hooks/useAsync';

export function OrderPage() {
  const { id = '' } = useParams();
  const placed = (useLocation().state as { placed?: boolean } | null)?.placed === true;
  const order = useAsync((signal) => getOrder(id, signal), [id]);
  return (
    <section aria-labelledby="order-title">
      <h1 id="order-title">Order #{id}</h1>
      {placed && (
        <p className="feedback success" role="status">
          Thank you! Your order was placed.
        </p>
      )}
      {order.status === 'loading' && <Loading label="Loading order…" />}
      {order.status === 'error' && <ErrorNotice error={order.error} onRetry={order.reload} />}
      {order.status === 'ready' && <OrderDetails order={order.data} />}
      <p>
        <Link to="/my-orders">See all my orders</Link>
      </p>
    </section>
  );
}
