import { chooseGenerator } from '../load/index';
import type { BenchOptions } from '../options';
import { machineFacts } from '../report/machine';
import { machineLine } from '../report/table';
import { replaceReadmeSection, writeJson } from '../report/write-results';
import { ceilingTargets } from './ceiling-targets';
import { profileTable, topFrames } from './profile-report';
import { profileTarget, type ProfileTarget, type TargetProfile } from './profile-target';
import { stackTargets } from './stack-targets';

/** `npm run bench -- --profile`: CPU profiles + syscall counts of the ceilings and our services. */
export async function runProfile(o: BenchOptions, argv: string[]): Promise<void> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const gen = chooseGenerator(o.generator, { threads: o.threads, cpuList: o.pin ? '1' : undefined });
  const facts = machineFacts(gen.name);
  log(`profile: ${machineLine(facts)}`);
  const targets: ProfileTarget[] = [
    ...ceilingTargets.map((make) => make(o.pin ? '0' : undefined)),
    ...stackTargets(),
  ].filter((t) => !o.only || o.only.includes(t.id));
  const profiles: TargetProfile[] = [];
  for (const t of targets) {
    log(`profiling ${t.id} (${o.durationSec}s under ${gen.name}, ${o.connections} connections)`);
    profiles.push(await profileTarget(gen, t, o));
  }
  const command = `npm run bench -- ${argv.join(' ')}`;
  const markdown = [
    `Run: \`${command}\` — ${o.durationSec} s per target, ${o.connections} connections, ${gen.name}.`,
    '',
    `Machine: ${machineLine(facts)}.`,
    '',
    profileTable(profiles),
    '',
    ...profiles.map((p) => topFrames(p)).flatMap((s) => [s, '']),
  ].join('\n');
  log(`\n${markdown}`);
  if (o.write) {
    await writeJson('profile-results.json', { machine: facts, command, profiles });
    await replaceReadmeSection('bench:profile', markdown);
    log('wrote bench/profile-results.json and the profile section of bench/README.md');
  }
}
