// Polls while the page is open; keeps the last good data so a failed poll shows as stale, not blank.
import { useEffect, useState } from 'react';

export interface PollState<T> {
  data: T | null;
  error: unknown;
  updatedAt: number | null;
}

export function usePolling<T>(load: (signal: AbortSignal) => Promise<T>, intervalMs: number): PollState<T> {
  const [state, setState] = useState<PollState<T>>({ data: null, error: null, updatedAt: null });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const tick = async () => {
      try {
        const data = await load(controller.signal);
        setState({ data, error: null, updatedAt: Date.now() });
      } catch (error) {
        if (!controller.signal.aborted) setState((s) => ({ ...s, error }));
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void tick(), intervalMs);
    };
    void tick();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [load, intervalMs]);
  return state;
}
