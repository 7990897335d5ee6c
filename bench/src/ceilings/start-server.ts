import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Compiled script next to this file, e.g. 'bare-http-server.js'. */
  script: string;
  env?: Record<string, string>;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/x']. */
  nodeArgs?: string[];
  /** taskset CPU list to pin the server to (e.g. '0'). */
  cpuList?: string;
}

/** Starts one of the ceiling servers as its own process and waits for its `LISTENING <port>` line. */
export async function startServer(options: StartServerOptions): Promise<ServerProcess> {
  const args = [...(options.nodeArgs ?? []), join(__dirname, options.script)];
  const [cmd, cmdArgs] = options.cpuList
    ? ['taskset', ['-c', options.cpuList, process.execPath, ...args]]
    : [process.execPath, args];
  const child = spawn(cmd, cmdArgs, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...options.env },
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const match = /LISTENING (\d+)/.exec(out);
      if (!match) return;
      resolve(Number(match[1]));
      // Keep draining (log lines) without keeping them, like a container runtime reading stdout.
      child.stdout.off('data', onData);
      child.stdout.resume();
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${options.script} exited ${code} before listening`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
