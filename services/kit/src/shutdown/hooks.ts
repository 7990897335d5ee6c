import type { Logger } from 'pino';

type Hook = () => Promise<unknown> | unknown;

/** Shutdown hooks, run one at a time in reverse registration order (last opened, first closed). */
export class ShutdownHooks {
  private readonly hooks: Hook[] = [];

  constructor(private readonly logger: Logger) {}

  add(hook: Hook): void {
    this.hooks.push(hook);
  }

  /** Runs every hook even if one fails; `false` if any failed. */
  async run(): Promise<boolean> {
    let ok = true;
    for (const hook of [...this.hooks].reverse()) {
      try {
        await hook();
      } catch (err) {
        ok = false;
        this.logger.error({ err }, 'shutdown hook failed');
      }
    }
    return ok;
  }
}
