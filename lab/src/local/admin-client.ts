// The service kit's fault admin API (FAULT_ADMIN_ENABLED=true, ADMIN_PORT): GET/PUT/DELETE /faults.
export interface FaultSettings {
  latencyMs?: number;
  errorRate?: number;
  errorStatus?: number;
  routes?: string[];
  readinessFail?: boolean;
}

export class AdminClient {
  constructor(readonly url: string) {}

  async get(): Promise<FaultSettings> {
    return (await this.call('GET')).json() as Promise<FaultSettings>;
  }

  async set(faults: FaultSettings): Promise<void> {
    await this.call('PUT', faults);
  }

  async clear(): Promise<void> {
    await this.call('DELETE');
  }

  private async call(method: string, body?: unknown): Promise<Response> {
    const res = await fetch(`${this.url}/faults`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) throw new Error(`${method} ${this.url}/faults answered ${res.status}: ${await res.text()}`);
    return res;
  }
}
