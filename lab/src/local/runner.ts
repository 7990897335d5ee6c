// One scenario at a time on the lab stack: start (inject), verify (objective check, time to recover,
// SLO impact), reset (undo, clear every fault, bring every part back).
import { checkHealth, readinessProblems, type HealthReport } from './health';
import { Incident, type IncidentReport } from './incident';
import type { Stack } from '@eks-sre-lab/stack';
import { waitUntil } from '@eks-sre-lab/harness';
import { SERVICES, type ServiceName } from './operations';
import { LOCAL_SCENARIOS, type LabContext, type LocalScenario } from './scenarios';

export interface ActiveScenario {
  id: string;
  startedAt: string;
  resolved?: { at: string; timeToRecoverMs: number; impact: IncidentReport };
}

/** What GET /state answers. */
export interface LabState {
  active?: ActiveScenario;
  urls: Stack['urls'];
  adminPorts: Record<ServiceName, number>;
}

export interface VerifyResult extends HealthReport {
  scenario: string;
  timeToRecoverMs?: number;
  impact?: IncidentReport;
}

export class LabError extends Error {
  constructor(
    message: string,
    readonly status = 409,
  ) {
    super(message);
  }
}

export class ScenarioRunner {
  private active: { scenario: LocalScenario; incident: Incident; info: ActiveScenario } | undefined;

  constructor(readonly ctx: LabContext) {}

  get current(): ActiveScenario | undefined {
    return this.active?.info;
  }

  async start(id: string): Promise<ActiveScenario> {
    const scenario = find(id);
    if (this.active && !this.active.info.resolved) {
      throw new LabError(`${this.active.info.id} is still active: verify or reset it first`);
    }
    this.active?.incident.end();
    this.active = undefined;
    await scenario.inject(this.ctx);
    const incident = new Incident(this.ctx.stack.urls.main);
    this.active = { scenario, incident, info: { id, startedAt: new Date(incident.startedAt).toISOString() } };
    return this.active.info;
  }

  async verify(id: string): Promise<VerifyResult> {
    find(id);
    const active = this.active;
    if (active?.info.id !== id) throw new LabError(`${id} is not started: npm run lab -- start ${id}`);
    const health = await checkHealth(this.ctx.stack.urls);
    if (!health.ok) return { scenario: id, ...health };
    if (!active.info.resolved) {
      active.incident.end();
      const impact = active.incident.report();
      active.info.resolved = { at: new Date().toISOString(), timeToRecoverMs: impact.durationMs, impact };
    }
    const { timeToRecoverMs, impact } = active.info.resolved;
    return { scenario: id, ...health, timeToRecoverMs, impact };
  }

  /** Undo the scenario and clear everything the lab can change, so the next one starts clean. */
  async reset(id: string): Promise<HealthReport> {
    const scenario = find(id);
    if (this.active?.info.id === id) {
      this.active.incident.end();
      this.active = undefined;
    }
    await scenario.reset(this.ctx);
    await this.clean();
    // Clients reconnect with backoff (Redis) and breakers half-open after their reset time: wait, bounded.
    await waitUntil(async () => (await readinessProblems(this.ctx.stack.urls)).length === 0, {
      what: 'every service ready',
      timeoutMs: 30_000,
      intervalMs: 250,
    }).catch(() => undefined); // the check below reports what is still wrong
    return checkHealth(this.ctx.stack.urls);
  }

  async shutdown(): Promise<void> {
    if (this.active) await this.reset(this.active.info.id).catch(() => undefined);
  }

  private async clean(): Promise<void> {
    const { ops, stack } = this.ctx;
    await Promise.all(SERVICES.map((name) => ops.admin[name].clear()));
    if (stack.handles.redis && !(await redisAnswers(stack.urls.redis))) await ops.run('redis', 'start');
  }
}

function find(id: string): LocalScenario {
  const scenario = LOCAL_SCENARIOS.find((s) => s.id === id);
  if (!scenario) throw new LabError(`no local scenario ${id}`, 404);
  return scenario;
}

async function redisAnswers(url: string): Promise<boolean> {
  const { createConnection } = await import('node:net');
  const { port, hostname } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ port: Number(port), host: hostname });
    socket.setTimeout(1_000);
    socket.once('connect', () => resolve(true));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => resolve(false));
    socket.once('close', () => socket.destroy());
    socket.once('connect', () => socket.end());
  });
}
