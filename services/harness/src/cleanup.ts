// Last-resort cleanup: when the Node process exits (a crashed test run, an uncaught error, process.exit),
// kill every child and remove every temp dir the harness still owns. Handlers must be synchronous.
type SyncCleanup = () => void;

const pending = new Set<SyncCleanup>();
let installed = false;

function runAll(): void {
  for (const cleanup of pending) {
    try {
      cleanup();
    } catch {
      // best effort: the process is going away
    }
  }
  pending.clear();
}

/** Registers a synchronous cleanup run at process exit; returns a function that unregisters it. */
export function onProcessExit(cleanup: SyncCleanup): () => void {
  if (!installed) {
    installed = true;
    process.on('exit', runAll);
  }
  pending.add(cleanup);
  return () => pending.delete(cleanup);
}

/** Sends a signal to a pid, ignoring "no such process". */
export function killQuietly(pid: number | undefined, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (!pid) return;
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}
