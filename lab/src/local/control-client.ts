// The CLI's side of the control API.
import { readLabFile } from './state-file';

export class LabNotRunning extends Error {
  constructor() {
    super('no lab stack is running: start one in another terminal with `npm run lab -- up`');
  }
}

export class ControlClient {
  constructor(readonly url: string) {}

  static fromStateFile(env: NodeJS.ProcessEnv = process.env): ControlClient {
    const lab = readLabFile(env);
    if (!lab) throw new LabNotRunning();
    return new ControlClient(lab.controlUrl);
  }

  async call<T>(method: 'GET' | 'POST', path: string): Promise<T> {
    // verify sends 40 bounded requests plus readiness checks: a minute is plenty.
    const res = await fetch(`${this.url}${path}`, { method, signal: AbortSignal.timeout(60_000) });
    const body = (await res.json()) as T & { error?: string };
    if (!res.ok) throw new Error(body.error ?? `control API answered ${res.status}`);
    return body;
  }
}
