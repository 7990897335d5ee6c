import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface MachineFacts {
  date: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  express: string;
  generator: string;
  loadAverageAtStart: number[];
}

function expressVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- reading a package.json
    return (require('express/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function wrkVersion(): string {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'pipe' });
    return 'wrk';
  } catch (err) {
    // wrk --version exits 1 but prints its version on stdout
    const out = String((err as { stdout?: Buffer }).stdout ?? '');
    return out.split('\n')[0]?.split(' Copyright')[0]?.trim() || 'wrk';
  }
}

export function machineFacts(generator: string): MachineFacts {
  return {
    date: new Date().toISOString(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    express: expressVersion(),
    generator: generator === 'wrk' ? wrkVersion() : 'autocannon (child process)',
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
