// `npm run lab -- up`: the stack `npm start` runs, plus what the scenarios need — each service's fault
// admin API on its own loopback port, a gateway timeout short enough for the lab, and the lab's control
// API (scenarios and operator actions) on loopback.
import { freePort } from '@eks-sre-lab/harness';
import { startStack, type Stack, type StackOptions } from '@eks-sre-lab/stack';
import { AdminClient } from './admin-client';
import { startControlServer, type ControlServer } from './control-server';
import { Operations, SERVICES, type ServiceName } from './operations';
import { ScenarioRunner } from './runner';

export interface LabStackOptions {
  /** Browser-facing port (0 = free). */
  port?: number;
  /** The gateway's breaker reset; tests shorten it. */
  breakerResetMs?: number;
  webRoot?: string;
  verbose?: boolean;
}

export interface LabStack {
  stack: Stack;
  adminPorts: Record<ServiceName, number>;
  control: ControlServer;
  runner: ScenarioRunner;
  stop(): Promise<void>;
}

export async function startLabStack(options: LabStackOptions = {}): Promise<LabStack> {
  const adminPorts = { catalog: await freePort(), order: await freePort(), main: await freePort() };
  const admin = (name: ServiceName) => ({
    FAULT_ADMIN_ENABLED: 'true',
    ADMIN_PORT: String(adminPorts[name]),
  });
  const stackOptions: StackOptions = {
    port: options.port ?? 3000,
    breakerResetMs: options.breakerResetMs ?? 5_000,
    webRoot: options.webRoot,
    verbose: options.verbose,
    env: {
      catalog: admin('catalog'),
      order: admin('order'),
      // 1.5 s instead of the seed's 10 s: well above the 500 ms SLO, and a breaker opens within seconds.
      main: { ...admin('main'), BREAKER_TIMEOUT_MS: '1500' },
    },
  };
  const stack = await startStack(stackOptions);
  const clients = Object.fromEntries(
    SERVICES.map((name) => [name, new AdminClient(`http://127.0.0.1:${adminPorts[name]}`)]),
  ) as Record<ServiceName, AdminClient>;
  const ops = new Operations(stack, clients);
  const runner = new ScenarioRunner({ stack, ops });
  let control: ControlServer;
  try {
    control = await startControlServer(runner, { adminPorts });
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return {
    stack,
    adminPorts,
    control,
    runner,
    async stop() {
      await runner.shutdown();
      await control.close();
      await stack.stop();
    },
  };
}
