// Presentational grid: receives the request state, so loading/empty/error render the same in tests and app.
import { useState } from 'react';
import { Link } from 'react-router';
import type { AsyncState } from '../hooks/useAsync';
import type { Page, Product } from '../api/types';
import { formatMoney } from '../cart/money';
import { Empty, ErrorNotice, Loading } from './feedback';

interface Props {
  state: AsyncState<Page<Product>>;
  onRetry?: () => void;
  onAdd(product: Product): void;
}

export function ProductGrid({ state, onRetry, onAdd }: Props) {
  if (state.status === 'loading') return <Loading label="Loading products…" />;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={onRetry} />;
  if (state.data.items.length === 0) return <Empty>No products match. Try another search or category.</Empty>;
  return (
    <ul className="product-grid" aria-label="Products">
      {state.data.items.map((p) => (
        <li key={p.id} className="card product-card">
          <ProductImage product={p} />
          <h3>
            <Link to={`/products/${p.id}`}>{p.name}</Link>
          </h3>
          <p className="price">{formatMoney(p.price)}</p>
          <StockBadge quantity={p.stockQuantity} />
          <button
            type="button"
            className="button"
            disabled={p.stockQuantity === 0}
            onClick={() => onAdd(p)}
            aria-label={`Add to cart: ${p.name}`} // starts with the visible text (WCAG 2.5.3)
          >
            Add to cart
          </button>
        </li>
      ))}
    </ul>
  );
}

export function ProductImage({ product }: { product: Product }) {
  // An unreachable image (offline machine, blocked host) falls back to the placeholder, not a broken icon.
  const [failed, setFailed] = useState(false);
  if (!product.imageUrl || failed) {
    return (
      <div className="product-image placeholder" aria-hidden="true">
        {product.name.slice(0, 1)}
      </div>
    );
  }
  return (
    <img
      className="product-image"
      src={product.imageUrl}
      alt=""
      loading="lazy"
      onError={() => setFailed(true)}
    />
  );
}

export function StockBadge({ quantity }: { quantity?: number }) {
  if (quantity === undefined) return null;
  if (quantity === 0) return <span className="badge danger">Out of stock</span>;
  if (quantity < 5) return <span className="badge warn">Only {quantity} left</span>;
  return <span className="badge ok">In stock</span>;
}
