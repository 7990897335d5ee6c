// Operator actions on the lab stack — what a learner would do with systemctl / kubectl rollout in
// production: stop, start or restart a part, deploy a release, roll it back.
import type { Stack } from '@eks-sre-lab/stack';
import { AdminClient, type FaultSettings } from './admin-client';

export const SERVICES = ['catalog', 'order', 'main'] as const;
export type ServiceName = (typeof SERVICES)[number];
export const TARGETS = [...SERVICES, 'redis', 'postgres'] as const;
export type Target = (typeof TARGETS)[number];
export const ACTIONS = ['stop', 'start', 'restart'] as const;
export type Action = (typeof ACTIONS)[number];

export interface Release {
  version: string;
  /** Faults this build carries (a "bad release" is a build whose fault hooks are on). */
  faults: FaultSettings | null;
  deployedAt: string;
}

export class Operations {
  private readonly releases = new Map<ServiceName, Release[]>();

  constructor(
    private readonly stack: Stack,
    readonly admin: Record<ServiceName, AdminClient>,
  ) {
    for (const name of SERVICES) this.releases.set(name, [initialRelease()]);
  }

  async run(target: Target, action: Action): Promise<string> {
    if (target === 'redis') return this.redis(action);
    if (target === 'postgres') return this.postgres(action);
    const handle = this.stack.handles[target];
    if (action === 'start' && handle.pid !== undefined)
      return `${target}: already running (pid ${handle.pid})`;
    if (action === 'stop') await handle.stop();
    else await handle.restart(); // launches the configured build (after stopping it, for a restart)
    // A restart launches the configured build without runtime changes: the history starts over.
    if (action !== 'stop') this.releases.set(target, [initialRelease()]);
    return `${target}: ${action === 'stop' ? 'stopped' : `running (pid ${handle.pid})`}`;
  }

  history(service: ServiceName): Release[] {
    return [...this.releases.get(service)!];
  }

  /** Rolls a build out: its fault hooks become the service's settings. */
  async deploy(service: ServiceName, version: string, faults: FaultSettings): Promise<Release> {
    await this.admin[service].set(faults);
    const release = { version, faults, deployedAt: new Date().toISOString() };
    this.releases.get(service)!.push(release);
    return release;
  }

  /** Back to the previous release (`kubectl argo rollouts undo`). */
  async rollback(service: ServiceName): Promise<string> {
    const history = this.releases.get(service)!;
    if (history.length < 2)
      return `${service}: ${history[0]!.version} is the only release; nothing to roll back`;
    const bad = history.pop()!;
    const previous = history.at(-1)!;
    if (previous.faults) await this.admin[service].set(previous.faults);
    else await this.admin[service].clear();
    return `${service}: rolled back from ${bad.version} to ${previous.version}`;
  }

  private async redis(action: Action): Promise<string> {
    const redis = this.stack.handles.redis;
    if (!redis) throw new Error('redis is external to the lab stack (REDIS_URL); operate it where it runs');
    if (action !== 'start') await redis.stop();
    if (action !== 'stop') await redis.start();
    return `redis: ${action === 'stop' ? 'stopped' : `running on ${this.stack.urls.redis}`}`;
  }

  private async postgres(action: Action): Promise<string> {
    const postgres = this.stack.handles.postgres;
    if (!postgres)
      throw new Error('postgres is external to the lab stack (DATABASE_URL); operate it where it runs');
    // A stopped throwaway server is gone with its data: only a restart is offered.
    if (action !== 'restart')
      throw new Error('postgres supports restart only (stopping deletes the throwaway server)');
    await postgres.restart();
    return 'postgres: restarted';
  }
}

function initialRelease(): Release {
  return { version: 'v1.0.0', faults: null, deployedAt: new Date().toISOString() };
}
