import { readFileSync } from 'node:fs';

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** utime+stime of a process in seconds, or undefined once it is gone (or off Linux). */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** Samples a process's CPU time until stopped; returns the average percent of one core. */
export function sampleCpu(pid: number, intervalMs = 250): { stop(): number | undefined } {
  const started = Date.now();
  const first = cpuSeconds(pid);
  let last = first;
  let lastAt = started;
  const timer = setInterval(() => {
    const now = cpuSeconds(pid);
    if (now !== undefined) {
      last = now;
      lastAt = Date.now();
    }
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const now = cpuSeconds(pid);
      if (now !== undefined) {
        last = now;
        lastAt = Date.now();
      }
      if (first === undefined || last === undefined || lastAt === started) return undefined;
      return Math.round(((last - first) / ((lastAt - started) / 1000)) * 1000) / 10;
    },
  };
}
