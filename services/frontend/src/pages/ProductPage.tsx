import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { getProduct } from '../api/endpoints';
import { useCart } from '../cart/CartContext';
import { formatMoney } from '../cart/money';
import { ErrorNotice, Loading } from '../components/feedback';
import { ProductImage, StockBadge } from '../components/ProductGrid';
import { useToast } from '../components/Toast';
import { useAsync } from '../hooks/useAsync';

export function ProductPage() {
  const { id = '' } = useParams();
  const product = useAsync((signal) => getProduct(id, signal), [id]);
  const [quantity, setQuantity] = useState(1);
  const { dispatch } = useCart();
  const toast = useToast();

  if (product.status === 'loading') return <Loading label="Loading product…" />;
  if (product.status === 'error') {
    return (
      <section>
        <ErrorNotice error={product.error} onRetry={product.reload} />
        <Link to="/">← Back to the catalog</Link>
      </section>
    );
  }
  const p = product.data;
  const max = Math.max(1, Math.min(99, p.stockQuantity ?? 99));
  return (
    <article className="product-detail" aria-labelledby="product-title">
      <Link to="/">← Back to the catalog</Link>
      <div className="detail-body">
        <ProductImage product={p} />
        <div>
          <h1 id="product-title">{p.name}</h1>
          <p className="price large">{formatMoney(p.price)}</p>
          <StockBadge quantity={p.stockQuantity} />
          {p.description && <p>{p.description}</p>}
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              dispatch({ type: 'add', line: { productId: p.id, name: p.name, price: p.price }, quantity });
              toast(`${quantity} × ${p.name} added to cart`);
            }}
          >
            <label className="field">
              <span>Quantity</span>
              <input
                type="number"
                min={1}
                max={max}
                value={quantity}
                onChange={(e) => setQuantity(Math.max(1, Math.min(max, Number(e.target.value) || 1)))}
              />
            </label>
            <button type="submit" className="button" disabled={p.stockQuantity === 0}>
              Add to cart
            </button>
          </form>
        </div>
      </div>
    </article>
  );
}
