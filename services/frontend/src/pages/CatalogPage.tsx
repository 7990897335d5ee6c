// Catalog: filters live in the URL so back/forward and shared links keep them.
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { listCategories, listProducts } from '../api/endpoints';
import type { Product } from '../api/types';
import { useCart } from '../cart/CartContext';
import { CategorySelect } from '../components/CategorySelect';
import { Pagination } from '../components/Pagination';
import { ProductGrid } from '../components/ProductGrid';
import { useAsync } from '../hooks/useAsync';
import { useToast } from '../components/Toast';

export const PAGE_SIZE = 12;

export function CatalogPage() {
  const [params, setParams] = useSearchParams();
  const category = params.get('category') ? Number(params.get('category')) : null;
  const q = params.get('q') ?? '';
  const sort = params.get('sort') ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const [search, setSearch] = useState(q);
  const { dispatch } = useCart();
  const toast = useToast();

  const categories = useAsync((signal) => listCategories(signal), []);
  const products = useAsync(
    (signal) => listProducts({ limit: PAGE_SIZE, offset, category, q, sort }, signal),
    [offset, category, q, sort],
  );

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('offset' in changes)) next.delete('offset');
    setParams(next);
  };

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ q: search.trim() || null });
  };

  const add = (p: Product) => {
    dispatch({ type: 'add', line: { productId: p.id, name: p.name, price: p.price } });
    toast(`${p.name} added to cart`);
  };

  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title">Catalog</h1>
      <div className="toolbar">
        <form role="search" className="search" onSubmit={onSearch}>
          <label className="field">
            <span>Search products</span>
            <input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="e.g. mug"
            />
          </label>
          <button type="submit" className="button">
            Search
          </button>
        </form>
        <CategorySelect
          categories={categories.status === 'ready' ? categories.data : null}
          value={category}
          onChange={(id) => update({ category: id ? String(id) : null })}
        />
        <label className="field">
          <span>Sort by</span>
          <select value={sort} onChange={(e) => update({ sort: e.target.value || null })}>
            <option value="">Featured</option>
            <option value="price">Price: low to high</option>
            <option value="-price">Price: high to low</option>
            <option value="name">Name</option>
          </select>
        </label>
      </div>
      {categories.status === 'error' && <p className="hint">Categories are unavailable right now.</p>}
      {products.status === 'ready' && (
        <p className="hint" aria-live="polite">
          {products.data.total} product{products.data.total === 1 ? '' : 's'}
        </p>
      )}
      <ProductGrid state={products} onRetry={products.reload} onAdd={add} />
      {products.status === 'ready' && (
        <Pagination
          total={products.data.total}
          limit={PAGE_SIZE}
          offset={offset}
          onChange={(o) => update({ offset: o > 0 ? String(o) : null })}
        />
      )}
    </section>
  );
}
