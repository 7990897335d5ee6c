// One Idempotency-Key per checkout attempt: the same cart, user and address reuse the key across retries
// (a lost response can't create a second order); any change, or a success, starts a new one.
const STORAGE_KEY = 'sre-lab.checkout-key';

export function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16)); // randomUUID needs a secure context
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function keyFor(signature: string): string {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as {
      signature: string;
      key: string;
    } | null;
    if (stored?.signature === signature) return stored.key;
  } catch {
    // corrupt entry: replace it
  }
  const key = newKey();
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ signature, key }));
  return key;
}

export function forgetKey(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
