import type { ServerResponse } from 'node:http';

/**
 * Tracks in-flight responses so a shutdown can wait for them. While draining, every response carries
 * `Connection: close`, so keep-alive clients reconnect elsewhere instead of reusing this pod.
 */
export class DrainTracker {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;
  private onIdle: (() => void) | undefined;

  get isDraining(): boolean {
    return this.draining;
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  begin(res: ServerResponse): void {
    this.inFlight.add(res);
    if (this.draining) res.setHeader('Connection', 'close');
  }

  end(res: ServerResponse): void {
    this.inFlight.delete(res);
    if (this.draining && this.inFlight.size === 0) this.onIdle?.();
  }

  /** Starts draining; resolves `true` when nothing is in flight, `false` when `timeoutMs` ran out first. */
  drain(timeoutMs: number): Promise<boolean> {
    this.draining = true;
    for (const res of this.inFlight) {
      if (!res.headersSent) res.setHeader('Connection', 'close');
    }
    if (this.inFlight.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.onIdle = undefined;
        resolve(false);
      }, timeoutMs);
      this.onIdle = () => {
        clearTimeout(timer);
        this.onIdle = undefined;
        resolve(true);
      };
    });
  }
}
