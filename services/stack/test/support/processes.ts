// Process bookkeeping for "nothing left behind" checks, read from /proc (what `ps` shows).
import fs from 'node:fs';

export interface ProcInfo {
  pid: number;
  ppid: number;
  state: string;
  cmdline: string;
}

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    return { pid, ppid: Number(ppid), state: state!, cmdline };
  } catch {
    return undefined; // exited while we looked
  }
}

/** Every process on the machine. */
export function processes(): ProcInfo[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => readProc(Number(entry)))
    .filter((p): p is ProcInfo => p !== undefined);
}

/** Running (zombies awaiting their reaper count as gone). */
export function isAlive(pid: number): boolean {
  const info = readProc(pid);
  return info !== undefined && info.state !== 'Z';
}

/** Every descendant of the given processes (children of children included). */
export function withDescendants(roots: ProcInfo[], all = processes()): ProcInfo[] {
  const found = new Map(roots.map((p) => [p.pid, p]));
  const queue = [...roots];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const child of all.filter((p) => p.ppid === parent.pid && !found.has(p.pid))) {
      found.set(child.pid, child);
      queue.push(child);
    }
  }
  return [...found.values()];
}

/**
 * Processes whose environment holds `variable=value`. The stack's children inherit the CLI's environment,
 * the detached PostgreSQL too (pg_ctl re-parents it to init in its own session, out of reach of any
 * descendant walk or process group), so a unique variable finds exactly what one run started. (redis-server
 * overwrites its environment with its process title: callers add descendants.)
 */
export function processesWithEnv(variable: string, value: string): ProcInfo[] {
  const entry = `${variable}=${value}`;
  return processes().filter((p) => {
    try {
      return fs.readFileSync(`/proc/${p.pid}/environ`, 'utf8').split('\0').includes(entry);
    } catch {
      return false; // exited while we looked
    }
  });
}
