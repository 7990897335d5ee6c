// Process bookkeeping for "nothing left behind" checks, read from /proc (what `ps` shows).
import fs from 'node:fs';

interface ProcInfo {
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

/** Every descendant of pid (children of children included). */
export function descendants(pid: number, all = processes()): ProcInfo[] {
  const out: ProcInfo[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const child of all.filter((p) => p.ppid === parent)) {
      out.push(child);
      queue.push(child.pid);
    }
  }
  return out;
}

/**
 * The stack's processes: the CLI's descendants, plus the throwaway PostgreSQL, which pg_ctl detaches
 * (it is re-parented to init in its own session, so no descendant walk or process group finds it).
 */
export function stackProcesses(cliPid: number, postgresPort?: number): ProcInfo[] {
  const all = processes();
  const postgres = postgresPort
    ? all.filter((p) => /\bpostgres\b/.test(p.cmdline) && p.cmdline.includes(`-p ${postgresPort}`))
    : [];
  return [...descendants(cliPid, all), ...postgres.flatMap((p) => [p, ...descendants(p.pid, all)])];
}
