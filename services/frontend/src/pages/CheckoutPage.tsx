import { useRef, useState, type FormEvent, type ReactElement } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { createOrder } from '../api/endpoints';
import { useCart } from '../cart/CartContext';
import { forgetKey, keyFor } from '../cart/idempotency';
import { formatMoney } from '../cart/money';
import { Empty, ErrorNotice } from '../components/feedback';
import { useSession } from '../session/SessionContext';
import {
  serverFieldErrors,
  validateCheckout,
  type CheckoutErrors,
  type CheckoutFields,
} from './checkout-validation';

export function CheckoutPage() {
  const { lines, total, count, dispatch } = useCart();
  const { userId, signIn } = useSession();
  const navigate = useNavigate();
  const [fields, setFields] = useState<CheckoutFields>({ userId: userId ?? '', shippingAddress: '' });
  const [errors, setErrors] = useState<CheckoutErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  if (lines.length === 0) {
    return (
      <section>
        <h1>Checkout</h1>
        <Empty>
          Nothing to check out yet. <Link to="/">Browse the catalog</Link>.
        </Empty>
      </section>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateCheckout(fields);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      formRef.current?.querySelector<HTMLElement>(`#${first}`)?.focus(); // by id: aria-invalid isn't rendered yet
      return;
    }
    const order = {
      userId: fields.userId.trim(),
      shippingAddress: fields.shippingAddress.trim(),
      items: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
    };
    const key = keyFor(JSON.stringify(order));
    setSubmitting(true);
    try {
      const created = await createOrder(order, key);
      forgetKey();
      dispatch({ type: 'clear' });
      if (order.userId !== userId) await signIn(order.userId);
      navigate(`/orders/${created.id}`, { state: { placed: true } });
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors) setErrors(serverFieldErrors(err.problem.errors));
      setFailure(err);
    } finally {
      setSubmitting(false);
    }
  };

  const set = (name: keyof CheckoutFields) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [name]: e.target.value }));

  return (
    <section aria-labelledby="checkout-title" className="checkout">
      <h1 id="checkout-title">Checkout</h1>
      <div className="checkout-grid">
        <form
          ref={formRef}
          onSubmit={submit}
          noValidate
          className="card form"
          aria-describedby="checkout-summary"
        >
          <Field label="User id" name="userId" error={errors.userId}>
            <input
              id="userId"
              name="userId"
              autoComplete="username"
              value={fields.userId}
              onChange={set('userId')}
              aria-invalid={errors.userId ? true : undefined}
              aria-describedby={errors.userId ? 'userId-error' : undefined}
              required
            />
          </Field>
          <Field label="Shipping address" name="shippingAddress" error={errors.shippingAddress}>
            <textarea
              id="shippingAddress"
              name="shippingAddress"
              autoComplete="street-address"
              rows={3}
              value={fields.shippingAddress}
              onChange={set('shippingAddress')}
              aria-invalid={errors.shippingAddress ? true : undefined}
              aria-describedby={errors.shippingAddress ? 'shippingAddress-error' : undefined}
              required
            />
          </Field>
          {failure !== null && <ErrorNotice error={failure} />}
          <button type="submit" className="button" disabled={submitting}>
            {submitting ? 'Placing order…' : failure ? 'Retry order' : `Place order · ${formatMoney(total)}`}
          </button>
        </form>
        <aside id="checkout-summary" className="card summary" aria-label="Order summary">
          <h2>Summary</h2>
          <ul>
            {lines.map((l) => (
              <li key={l.productId}>
                {l.quantity} × {l.name}
              </li>
            ))}
          </ul>
          <p>
            {count} item{count === 1 ? '' : 's'} ·{' '}
            <strong data-testid="checkout-total">{formatMoney(total)}</strong>
          </p>
        </aside>
      </div>
    </section>
  );
}

function Field({
  label,
  name,
  error,
  children,
}: {
  label: string;
  name: string;
  error?: string;
  children: ReactElement;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {children}
      {error && (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
