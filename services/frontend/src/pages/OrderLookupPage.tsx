import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';

export function OrderLookupPage() {
  const [id, setId] = useState('');
  const [error, setError] = useState('');
  const navigate = useNavigate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = id.trim();
    if (!/^[\w-]+$/.test(trimmed)) {
      setError('Enter the order number from your confirmation.');
      return;
    }
    navigate(`/orders/${encodeURIComponent(trimmed)}`);
  };
  return (
    <section aria-labelledby="lookup-title">
      <h1 id="lookup-title">Find an order</h1>
      <form className="card form narrow" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="orderId">Order number</label>
          <input
            id="orderId"
            inputMode="numeric"
            value={id}
            onChange={(e) => setId(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'orderId-error' : undefined}
          />
          {error && (
            <p id="orderId-error" className="field-error">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="button">
          Look up
        </button>
      </form>
    </section>
  );
}
