import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleCpu } from './proc-cpu';
import type { LoadGenerator, LoadResult, LoadSpec } from './types';
import { wrkScript } from './wrk-script';

export const WRK_PATH = '/usr/bin/wrk';

export function wrkAvailable(): boolean {
  return existsSync(WRK_PATH);
}

interface WrkSummary {
  requests: number;
  durationUs: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  socketErrors: number;
}

/** wrk (C, epoll) as a child process; `threads` wrk threads share the connections. */
export function wrkGenerator(options: { threads: number; cpuList?: string }): LoadGenerator {
  return {
    name: 'wrk',
    async run(spec: LoadSpec): Promise<LoadResult> {
      const dir = mkdtempSync(join(tmpdir(), 'bench-wrk-'));
      const script = join(dir, 'case.lua');
      writeFileSync(script, wrkScript(spec, `b${Date.now().toString(36)}`));
      const threads = Math.min(options.threads, spec.connections);
      const args = ['-t', String(threads), '-c', String(spec.connections), '-d', `${spec.durationSec}s`];
      args.push('--timeout', '5s', '-s', script, spec.url);
      const [cmd, cmdArgs] = options.cpuList
        ? ['taskset', ['-c', options.cpuList, WRK_PATH, ...args]]
        : [WRK_PATH, args];
      try {
        const { stdout, cpu } = await runChild(cmd, cmdArgs);
        const line = stdout.split('\n').find((l) => l.startsWith('WRK_JSON '));
        if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
        const s = JSON.parse(line.slice('WRK_JSON '.length)) as WrkSummary;
        const durationSec = s.durationUs / 1e6;
        return {
          generator: 'wrk',
          requests: s.requests,
          durationSec,
          rps: s.requests / durationSec,
          p50: s.p50 / 1000,
          p95: s.p95 / 1000,
          p99: s.p99 / 1000,
          non2xx: s.non2xx,
          socketErrors: s.socketErrors,
          generatorCpuPercent: cpu,
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs a child to completion, collecting stdout and sampling its CPU use. */
export function runChild(
  cmd: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ stdout: string; cpu?: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    const sampler = child.pid ? sampleCpu(child.pid) : undefined;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const cpu = sampler?.stop();
      if (code === 0) resolve({ stdout, cpu });
      else reject(new Error(`${cmd} exited ${code}: ${stderr || stdout}`));
    });
  });
}
