export type ReadinessCheck = () => Promise<unknown>;

export interface ReadinessCheckOptions {
  /** A failing non-critical check reports `degraded` and keeps the service ready (e.g. a cache). */
  critical?: boolean;
}

export type CheckStatus = 'up' | 'degraded' | 'down' | 'timeout';

export interface CheckResult {
  status: CheckStatus;
  latencyMs: number;
  error?: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

interface RegisteredCheck {
  name: string;
  run: ReadinessCheck;
  critical: boolean;
}

const timedOut = Symbol('timeout');

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof timedOut> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof timedOut>((resolve) => {
    timer = setTimeout(() => resolve(timedOut), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function errorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.slice(0, 200);
}

/** The dependency checks behind `/readyz`: run concurrently, each bounded by the timeout. */
export class Readiness {
  private readonly checks: RegisteredCheck[] = [];

  add(name: string, run: ReadinessCheck, options: ReadinessCheckOptions = {}): void {
    if (this.checks.some((check) => check.name === name)) {
      throw new Error(`readiness check "${name}" is already registered`);
    }
    this.checks.push({ name, run, critical: options.critical ?? true });
  }

  async evaluate(timeoutMs: number): Promise<ReadinessReport> {
    const results = await Promise.all(this.checks.map((check) => this.runOne(check, timeoutMs)));
    const checks: Record<string, CheckResult> = {};
    let ready = true;
    results.forEach((result, index) => {
      const check = this.checks[index] as RegisteredCheck;
      checks[check.name] = result;
      if (result.status === 'down' || result.status === 'timeout') ready = false;
    });
    return { ready, checks };
  }

  private async runOne(check: RegisteredCheck, timeoutMs: number): Promise<CheckResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let failure: CheckResult;
    try {
      // Promise.resolve().then() also turns a synchronous throw into a rejection.
      const outcome = await withTimeout(
        Promise.resolve().then(() => check.run()),
        timeoutMs,
      );
      if (outcome !== timedOut) return { status: 'up', latencyMs: elapsed() };
      failure = { status: 'timeout', latencyMs: elapsed(), error: `no answer within ${timeoutMs} ms` };
    } catch (err) {
      failure = { status: 'down', latencyMs: elapsed(), error: errorMessage(err) };
    }
    return check.critical ? failure : { ...failure, status: 'degraded' };
  }
}
