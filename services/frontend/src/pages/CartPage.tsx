import { Link } from 'react-router';
import { useCart } from '../cart/CartContext';
import { formatMoney, lineTotal } from '../cart/money';
import { Empty } from '../components/feedback';

export function CartPage() {
  const { lines, total, dispatch } = useCart();
  return (
    <section aria-labelledby="cart-title">
      <h1 id="cart-title">Cart</h1>
      {lines.length === 0 ? (
        <Empty>
          Your cart is empty. <Link to="/">Browse the catalog</Link>.
        </Empty>
      ) : (
        <>
          <table className="table">
            <caption className="visually-hidden">Items in your cart</caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Price</th>
                <th scope="col">Quantity</th>
                <th scope="col">Subtotal</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.productId}>
                  <th scope="row">
                    <Link to={`/products/${l.productId}`}>{l.name}</Link>
                  </th>
                  <td>{formatMoney(l.price)}</td>
                  <td>
                    <input
                      type="number"
                      className="qty"
                      min={1}
                      max={99}
                      value={l.quantity}
                      aria-label={`Quantity of ${l.name}`}
                      onChange={(e) => {
                        // an emptied field is mid-edit, not a removal: Remove does that
                        const quantity = Number(e.target.value);
                        if (e.target.value !== '' && quantity >= 1) {
                          dispatch({ type: 'setQuantity', productId: l.productId, quantity });
                        }
                      }}
                    />
                  </td>
                  <td data-testid={`subtotal-${l.productId}`}>{formatMoney(lineTotal(l))}</td>
                  <td>
                    <button
                      type="button"
                      className="button link"
                      aria-label={`Remove ${l.name}`}
                      onClick={() => dispatch({ type: 'remove', productId: l.productId })}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  Total
                </th>
                <td data-testid="cart-total">{formatMoney(total)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
          <div className="actions">
            <Link className="button" to="/checkout">
              Checkout
            </Link>
          </div>
        </>
      )}
    </section>
  );
}
