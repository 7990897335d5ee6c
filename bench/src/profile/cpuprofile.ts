import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface FrameCost {
  frame: string;
  selfMs: number;
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Share of samples in `(idle)`: the event loop waiting in epoll, i.e. not CPU-bound. */
  idlePercent: number;
  gcPercent: number;
  topFrames: FrameCost[];
  /** Self time grouped by where the code lives: a package, node: internals, our own source, natives. */
  byOwner: FrameCost[];
}

/** `node_modules/.pnpm/x/node_modules/pino/lib/a.js` → `pino`; `node:internal/...` → `node internals`. */
export function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'native / V8 builtins';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node internals';
  const ours = /(services\/[^/]+|bench)\//.exec(url);
  return ours ? `ours: ${ours[1]}` : url;
}

function shortUrl(url: string): string {
  const i = url.lastIndexOf('node_modules/');
  if (i >= 0) return url.slice(i + 'node_modules/'.length);
  return url.replace(/^file:\/\//, '').replace(/^.*\/(services|bench)\//, '$1/');
}

function ranked(costs: Map<string, number>, totalMs: number, top: number): FrameCost[] {
  return [...costs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([frame, us]) => ({
      frame,
      selfMs: Math.round(us / 1000),
      percent: Math.round((us / 1000 / totalMs) * 1000) / 10,
    }));
}

/** Self time per frame (and per owner) from a V8 `.cpuprofile` written by `node --cpu-prof`. */
export function summarizeProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const frames = new Map<string, number>();
  const owners = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0; // a sample's time runs until the next one
    const f = byId.get(id);
    if (!f) return;
    const name = f.functionName || '(anonymous)';
    const key = f.url ? `${name} ${shortUrl(f.url)}:${f.lineNumber + 1}` : name;
    frames.set(key, (frames.get(key) ?? 0) + us);
    const owner = ownerOf(f.url, name);
    owners.set(owner, (owners.get(owner) ?? 0) + us);
    totalUs += us;
  });
  const totalMs = totalUs / 1000;
  const pct = (key: string) => Math.round(((frames.get(key) ?? 0) / totalUs) * 1000) / 10;
  return {
    totalMs: Math.round(totalMs),
    idlePercent: pct('(idle)'),
    gcPercent: pct('(garbage collector)'),
    topFrames: ranked(frames, totalMs, top),
    byOwner: ranked(owners, totalMs, top),
  };
}
