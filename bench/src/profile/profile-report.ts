import type { TargetProfile } from './profile-target';

const syscalls = (p: TargetProfile) =>
  p.syscallsPerRequest?.map((s) => `${s.syscall} ${s.perRequest}`).join(', ') ?? '–';

/** Comparison table: throughput under the profiler, CPU, idle, GC, syscalls per request. */
export function profileTable(profiles: TargetProfile[]): string {
  const head =
    '| target | req/s (profiled) | p99 ms | server CPU % | idle % | GC % | syscalls per request |\n' +
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |';
  const rows = profiles.map(
    (p) =>
      `| ${p.title} | ${Math.round(p.load.rps)} | ${p.load.p99.toFixed(1)} | ${p.serverCpuPercent ?? '–'} | ` +
      `${p.profile.idlePercent} | ${p.profile.gcPercent} | ${syscalls(p)} |`,
  );
  return [head, ...rows].join('\n');
}

/** Top self-time frames and owners of one target, as Markdown. */
export function topFrames(p: TargetProfile, frames = 10): string {
  const list = p.profile.topFrames
    .slice(0, frames)
    .map((f) => `| ${f.percent} | \`${f.frame.replace(/\|/g, '\\|')}\` |`);
  const owners = p.profile.byOwner
    .slice(0, 8)
    .map((f) => `${f.frame} ${f.percent} %`)
    .join(' · ');
  return [
    `#### ${p.title}`,
    '',
    '| self % | frame |',
    '| ---: | --- |',
    ...list,
    '',
    `By owner: ${owners}`,
  ].join('\n');
}
