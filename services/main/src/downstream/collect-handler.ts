import type { Dispatcher } from 'undici';

/** What `CollectHandler` resolves with: the status, the two headers the gateway uses, the whole body. */
export interface CollectedResponse {
  status: number;
  contentType: string | undefined;
  retryAfter: string | undefined;
  body: Buffer;
}

/** The value of a raw header if its name is `lowerName` (names compared without decoding most of them). */
function rawHeader(name: Buffer, value: Buffer, lowerName: string): string | undefined {
  if (name.length !== lowerName.length || name.toString('latin1').toLowerCase() !== lowerName)
    return undefined;
  return value.toString('latin1');
}

/**
 * A minimal undici dispatch handler that buffers the whole answer. `pool.request()` would parse every
 * response header into an object and wrap the body in a Readable stream per call; the gateway needs two
 * headers and the bytes, so this reads the raw header list and concatenates the chunks.
 */
export class CollectHandler implements Dispatcher.DispatchHandler {
  private status = 0;
  private contentType: string | undefined;
  private retryAfter: string | undefined;
  private readonly chunks: Buffer[] = [];
  private abortRequest: ((err?: Error) => void) | undefined;

  constructor(
    private readonly resolve: (response: CollectedResponse) => void,
    private readonly reject: (error: Error) => void,
    private readonly signal?: AbortSignal,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  private readonly onAbort = () => {
    this.abortRequest?.(this.signal?.reason as Error);
  };

  onConnect(abort: (err?: Error) => void): void {
    if (this.signal?.aborted) abort(this.signal.reason as Error);
    else this.abortRequest = abort;
  }

  onHeaders(statusCode: number, headers: Buffer[]): boolean {
    this.status = statusCode;
    for (let i = 0; i + 1 < headers.length; i += 2) {
      const name = headers[i] as Buffer;
      const value = headers[i + 1] as Buffer;
      this.contentType ??= rawHeader(name, value, 'content-type');
      this.retryAfter ??= rawHeader(name, value, 'retry-after');
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
    const body = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    this.resolve({ status: this.status, contentType: this.contentType, retryAfter: this.retryAfter, body });
  }

  onError(error: Error): void {
    this.signal?.removeEventListener('abort', this.onAbort);
    this.reject(error);
  }
}
