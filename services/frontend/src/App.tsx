import { NavLink, Route, Routes } from 'react-router';
import { CartProvider, useCart } from './cart/CartContext';
import { ToastProvider } from './components/Toast';
import { CartPage } from './pages/CartPage';
import { CatalogPage } from './pages/CatalogPage';
import { CheckoutPage } from './pages/CheckoutPage';
import { MyOrdersPage } from './pages/MyOrdersPage';
import { OrderLookupPage } from './pages/OrderLookupPage';
import { OrderPage } from './pages/OrderPage';
import { ProductPage } from './pages/ProductPage';
import { StatusPage } from './pages/StatusPage';
import { UploadPage } from './pages/UploadPage';
import { SessionProvider, useSession } from './session/SessionContext';

export function App() {
  return (
    <SessionProvider>
      <CartProvider>
        <ToastProvider>
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <Header />
          <main id="main" tabIndex={-1}>
            <Routes>
              <Route path="/" element={<CatalogPage />} />
              <Route path="/products/:id" element={<ProductPage />} />
              <Route path="/cart" element={<CartPage />} />
              <Route path="/checkout" element={<CheckoutPage />} />
              <Route path="/orders" element={<OrderLookupPage />} />
              <Route path="/orders/:id" element={<OrderPage />} />
              <Route path="/my-orders" element={<MyOrdersPage />} />
              <Route path="/upload" element={<UploadPage />} />
              <Route path="/status" element={<StatusPage />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </main>
        </ToastProvider>
      </CartProvider>
    </SessionProvider>
  );
}

function Header() {
  const { count } = useCart();
  const { userId, signOut } = useSession();
  return (
    <header className="site-header">
      <NavLink to="/" className="brand">
        SRE Lab Shop
      </NavLink>
      <nav aria-label="Main">
        <NavLink to="/" end>
          Catalog
        </NavLink>
        <NavLink to="/cart">
          Cart{' '}
          <span className="count" aria-label={`${count} items`}>
            {count}
          </span>
        </NavLink>
        <NavLink to="/my-orders">My orders</NavLink>
        <NavLink to="/orders">Find order</NavLink>
        <NavLink to="/upload">Upload</NavLink>
        <NavLink to="/status">Status</NavLink>
      </nav>
      {userId && (
        <div className="user">
          <span>{userId}</span>
          <button type="button" className="button link" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <NavLink to="/">Back to the catalog</NavLink>
      </p>
    </section>
  );
}
