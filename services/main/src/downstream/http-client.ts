import { Pool } from 'undici';
import { CollectHandler, type CollectedResponse } from './collect-handler';

export interface DownstreamRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path plus query string, e.g. `/catalog/products/7`. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Abort after this long (health probes; breaker calls rely on the breaker's timeout). */
  timeoutMs?: number;
}

/** A downstream answer, read whole (`retryAfter`: of a 503/429, relayed to the gateway's client). */
export type DownstreamResponse = CollectedResponse;

export interface HttpClientOptions {
  connections: number;
  keepAliveMs: number;
  /** Upper bound on waiting for headers and between body chunks (the breaker's timeout plus slack). */
  socketTimeoutMs: number;
}

/** A 5xx answer from a downstream: counted as a failure by the breaker, answered 502 (503 passes through). */
export class DownstreamHttpError extends Error {
  constructor(
    readonly downstream: string,
    readonly response: DownstreamResponse,
  ) {
    super(`${downstream} answered ${response.status}`);
    this.name = 'DownstreamHttpError';
  }
}

/**
 * One keep-alive connection pool per downstream origin, created once at start. Bodies are read whole
 * (downstream answers are small JSON) so the breaker's timeout covers the full exchange.
 */
export class HttpClient {
  private readonly pool: Pool;

  constructor(
    readonly name: string,
    baseUrl: string,
    options: HttpClientOptions,
  ) {
    this.pool = new Pool(new URL(baseUrl).origin, {
      connections: options.connections,
      keepAliveTimeout: options.keepAliveMs,
      headersTimeout: options.socketTimeoutMs,
      bodyTimeout: options.socketTimeoutMs,
    });
  }

  async send(request: DownstreamRequest): Promise<DownstreamResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    const signal = request.timeoutMs === undefined ? undefined : AbortSignal.timeout(request.timeoutMs);
    const response = await new Promise<DownstreamResponse>((resolve, reject) => {
      const options = { method: request.method, path: request.path, headers, body };
      this.pool.dispatch(options, new CollectHandler(resolve, reject, signal));
    });
    if (response.status >= 500) throw new DownstreamHttpError(this.name, response);
    return response;
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

export function parseJson<T>(response: DownstreamResponse): T {
  return JSON.parse(response.body.toString('utf8')) as T;
}
