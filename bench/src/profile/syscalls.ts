import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SyscallCount {
  syscall: string;
  calls: number;
}

export function straceAvailable(): boolean {
  return existsSync('/usr/bin/strace');
}

/** Parses `strace -c` output: `% time  seconds  usecs/call  calls  errors  syscall`. */
export function parseStraceSummary(text: string): SyscallCount[] {
  const counts: SyscallCount[] = [];
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 5 || !/^\d+\.\d+$/.test(cols[0]!)) continue;
    const syscall = cols[cols.length - 1]!;
    if (syscall === 'total') continue;
    counts.push({ syscall, calls: Number(cols[3]) });
  }
  return counts.sort((a, b) => b.calls - a.calls);
}

/**
 * Counts the syscalls a process makes while `during` runs (strace slows the process down, so only the
 * counts per request mean anything, not the throughput measured meanwhile).
 */
export async function countSyscalls<T>(pid: number, during: () => Promise<T>) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-strace-'));
  const out = join(dir, 'summary.txt');
  const strace = spawn('strace', ['-f', '-c', '-o', out, '-p', String(pid)], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 300)); // let strace attach
  try {
    const result = await during();
    const exited = once(strace, 'exit');
    strace.kill('SIGINT');
    await exited;
    return { result, counts: parseStraceSummary(readFileSync(out, 'utf8')) };
  } finally {
    if (strace.exitCode === null) strace.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
