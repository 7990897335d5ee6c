import type { Order } from '../api/types';
import { formatMoney } from '../cart/money';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{status}</span>;
}

export function formatDate(iso?: string): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

export function OrderDetails({ order }: { order: Order }) {
  return (
    <div className="card">
      <dl className="details">
        <dt>Order</dt>
        <dd>#{order.id}</dd>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={order.status} />
        </dd>
        <dt>Total</dt>
        <dd>{formatMoney(order.totalAmount)}</dd>
        <dt>User</dt>
        <dd>{order.userId}</dd>
        <dt>Placed</dt>
        <dd>{formatDate(order.createdAt)}</dd>
        <dt>Ship to</dt>
        <dd>{order.shippingAddress ?? '—'}</dd>
      </dl>
      {order.items && order.items.length > 0 && (
        <table className="table">
          <caption>Items</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Quantity</th>
              <th scope="col">Unit price</th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item, i) => (
              <tr key={item.id ?? i}>
                <td>#{item.productId}</td>
                <td>{item.quantity}</td>
                <td>{formatMoney(item.unitPrice ?? item.price ?? '0')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
