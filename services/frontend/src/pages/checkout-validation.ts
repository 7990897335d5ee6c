export interface CheckoutFields {
  userId: string;
  shippingAddress: string;
}

export type CheckoutErrors = Partial<Record<keyof CheckoutFields, string>>;

// Mirrors the order service's limits (user_id VARCHAR(100)); the server stays the authority.
export function validateCheckout(fields: CheckoutFields): CheckoutErrors {
  const errors: CheckoutErrors = {};
  const userId = fields.userId.trim();
  if (!userId) errors.userId = 'Enter a user id.';
  else if (userId.length > 100) errors.userId = 'User id must be at most 100 characters.';
  else if (!/^[\w.@-]+$/.test(userId)) errors.userId = 'Use letters, digits, and . _ @ - only.';
  const address = fields.shippingAddress.trim();
  if (!address) errors.shippingAddress = 'Enter a shipping address.';
  else if (address.length < 5) errors.shippingAddress = 'Shipping address looks too short.';
  else if (address.length > 500) errors.shippingAddress = 'Shipping address must be at most 500 characters.';
  return errors;
}

/** Maps problem+json `errors` (array of {path, message} or an object) onto the form's fields. */
export function serverFieldErrors(errors: unknown): CheckoutErrors {
  const out: CheckoutErrors = {};
  const entries: [string, unknown][] = Array.isArray(errors)
    ? errors.map((e: { path?: unknown; field?: unknown; message?: unknown }) => [
        String(e.path ?? e.field ?? ''),
        e.message,
      ])
    : Object.entries((errors as Record<string, unknown>) ?? {});
  for (const [path, message] of entries) {
    const field = (['userId', 'shippingAddress'] as const).find((f) => path.includes(f));
    if (field && typeof message === 'string') out[field] = message;
  }
  return out;
}
