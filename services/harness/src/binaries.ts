import fs from 'node:fs';
import path from 'node:path';

export interface BinarySearch {
  /** PATH-style list searched first; defaults to process.env.PATH. */
  path?: string;
  /** Further directories searched after `path`, in order. */
  extraDirs?: string[];
}

/** Thrown when a server binary is not installed; the message names the Debian package. */
export class MissingBinaryError extends Error {
  constructor(
    readonly binary: string,
    readonly debianPackage: string,
    searched: string[],
  ) {
    super(
      `${binary} not found (searched: ${searched.join(', ') || 'nothing'}). ` +
        `Install it with: apt-get install -y ${debianPackage}`,
    );
    this.name = 'MissingBinaryError';
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Absolute path of `name` on the search path, or a MissingBinaryError naming `debianPackage`. */
export function findBinary(name: string, debianPackage: string, search: BinarySearch = {}): string {
  const pathDirs = (search.path ?? process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const dirs = [...pathDirs, ...(search.extraDirs ?? [])];
  const found = dirs.map((dir) => path.join(dir, name)).find(isExecutable);
  if (!found) throw new MissingBinaryError(name, debianPackage, dirs);
  return found;
}

/** Debian's versioned PostgreSQL bin dirs, newest first (/usr/lib/postgresql/<major>/bin). */
export function postgresBinDirs(root = '/usr/lib/postgresql'): string[] {
  let versions: string[];
  try {
    versions = fs.readdirSync(root);
  } catch {
    return [];
  }
  return versions
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(root, v, 'bin'));
}
