// kubectl against the lab cluster (the current context). Commands are argv arrays, never shell strings.
import { execFile } from 'node:child_process';

export type KubectlArgs = string[];

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** How a command is shown to the learner (copy-pasteable). */
export function showCommand(args: KubectlArgs): string {
  return ['kubectl', ...args]
    .map((a) => (/^[\w./:=@,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

export function kubectl(args: KubectlArgs, cwd: string, binary = 'kubectl'): Promise<KubectlResult> {
  return new Promise((resolve) => {
    execFile(
      binary,
      args,
      { cwd, timeout: 360_000, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
        resolve({ code, stdout, stderr: stderr || (error && !stderr ? error.message : '') });
      },
    );
  });
}

/** Whether kubectl exists and has a cluster to talk to; the first problem otherwise. */
export async function clusterProblem(cwd: string, binary = 'kubectl'): Promise<string | undefined> {
  const version = await kubectl(['version', '--client', '-o', 'json'], cwd, binary);
  if (version.code !== 0)
    return `kubectl not found or not working (${version.stderr.trim()}): install kubectl 1.32+`;
  const context = await kubectl(['config', 'current-context'], cwd, binary);
  if (context.code !== 0)
    return 'kubectl has no current context: point it at the lab cluster (aws eks update-kubeconfig …)';
  return undefined;
}
