import { backoffDelay, withRetry } from '../../src/downstream/retry';

const options = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 4 };

describe('withRetry', () => {
  it('retries transient errors up to maxRetries, then gives up with the last error', async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error(`attempt ${calls}`));
    };
    await expect(withRetry(failing, () => true, options)).rejects.toThrow('attempt 4');
    expect(calls).toBe(4);
  });

  it('does not retry errors the predicate rejects, and returns the first success', async () => {
    let calls = 0;
    await expect(
      withRetry(
        () => Promise.reject(new Error(`fatal ${++calls}`)),
        () => false,
        options,
      ),
    ).rejects.toThrow('fatal 1');
    let attempts = 0;
    const flaky = () => (++attempts < 3 ? Promise.reject(new Error('flaky')) : Promise.resolve(attempts));
    await expect(withRetry(flaky, () => true, options)).resolves.toBe(3);
  });

  it('draws full-jitter delays below min(max, base * 2^attempt)', () => {
    const wide = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    for (let i = 0; i < 200; i++) {
      expect(backoffDelay(0, wide)).toBeLessThan(100);
      expect(backoffDelay(2, wide)).toBeLessThan(400);
      expect(backoffDelay(8, wide)).toBeLessThan(1000);
    }
    const samples = Array.from({ length: 200 }, () => backoffDelay(3, wide));
    expect(new Set(samples).size).toBeGreaterThan(20); // jittered, not a fixed delay
  });
});
