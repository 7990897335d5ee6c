import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitUntil } from '@eks-sre-lab/harness';

/**
 * Stand-in for the harness's startNodeService until it lands: runs a compiled service entry on a loopback
 * port, waits for /readyz, and can be killed and restarted on the same port.
 */
export async function startNodeProcess(options: {
  name: string;
  entry: string;
  env: Record<string, string>;
}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const logs: string[] = [];

  const start = async () => {
    const proc = spawn(process.execPath, [options.entry], {
      env: { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    proc.stdout!.on('data', (d: Buffer) => logs.push(d.toString()));
    proc.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
    await waitUntil(async () => (await fetch(`${url}/readyz`)).status === 200, {
      what: `${options.name} ready`,
      timeoutMs: 30_000,
      abort: () =>
        proc.exitCode !== null ? new Error(`${options.name} exited: ${logs.join('')}`) : undefined,
    });
  };
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill(signal);
    });
  };
  await start();
  return { url, logs, kill, restart: start, stop: () => kill('SIGTERM') };
}
