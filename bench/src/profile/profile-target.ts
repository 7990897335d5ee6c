import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleCpu } from '../load/proc-cpu';
import type { LoadGenerator, LoadResult, LoadSpec } from '../load/types';
import { summarizeProfile, type ProfileSummary } from './cpuprofile';
import { countSyscalls, straceAvailable, type SyscallCount } from './syscalls';

/** Something we can start with extra node flags, put under load, and stop cleanly. */
export interface ProfileTarget {
  id: string;
  title: string;
  /** Starts the target; with `profileDir`, the process worth profiling writes a .cpuprofile there. */
  start(profileDir: string | undefined): Promise<{ pid: number; stop(): Promise<void> }>;
  spec: Omit<LoadSpec, 'connections' | 'durationSec'>;
}

export interface TargetProfile {
  id: string;
  title: string;
  load: LoadResult;
  serverCpuPercent?: number;
  profile: ProfileSummary;
  /** Syscalls per request while serving (strace -c), when strace is installed. */
  syscallsPerRequest?: { syscall: string; perRequest: number }[];
}

function perRequest(counts: SyscallCount[], requests: number) {
  return counts
    .filter((c) => c.calls >= requests / 20) // ignore the once-in-a-while ones
    .slice(0, 6)
    .map((c) => ({
      syscall: c.syscall,
      perRequest: Math.round((c.calls / Math.max(1, requests)) * 100) / 100,
    }));
}

/** One CPU-profiled load run, then (without the profiler) one strace-counted run. */
export async function profileTarget(
  gen: LoadGenerator,
  t: ProfileTarget,
  o: { connections: number; durationSec: number; warmupSec: number },
): Promise<TargetProfile> {
  const dir = mkdtempSync(join(tmpdir(), `bench-prof-${t.id}-`));
  try {
    const run = (durationSec: number) => gen.run({ ...t.spec, connections: o.connections, durationSec });
    const profiled = await t.start(dir);
    await run(o.warmupSec);
    const cpu = sampleCpu(profiled.pid);
    const load = await run(o.durationSec);
    const serverCpuPercent = cpu.stop();
    await profiled.stop();
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`${t.id}: no .cpuprofile written (did the process exit cleanly?)`);
    const profile = summarizeProfile(join(dir, file));
    let syscallsPerRequest: TargetProfile['syscallsPerRequest'];
    if (straceAvailable()) {
      const plain = await t.start(undefined);
      await run(1);
      const { result, counts } = await countSyscalls(plain.pid, () => run(Math.min(3, o.durationSec)));
      syscallsPerRequest = perRequest(counts, result.requests);
      await plain.stop();
    }
    return { id: t.id, title: t.title, load, serverCpuPercent, profile, syscallsPerRequest };
  } finally {
    // BENCH_KEEP_PROFILES=1 keeps the .cpuprofile files for Chrome DevTools / speedscope.
    if (process.env.BENCH_KEEP_PROFILES === '1') process.stdout.write(`  kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
