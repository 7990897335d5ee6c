// The CLI's commands as a function of argv, so tests run them in-process: returns the exit code
// (0 ok, 1 verify failed / action failed, 2 usage or nothing to talk to).
import { repoRoot } from '@eks-sre-lab/harness';
import { allScenarios, findScenario } from './catalogue';
import { SEED_SCENARIOS } from './catalogue-types';
import { runCluster, type Printer } from './cluster/runner';
import { ControlClient } from './local/control-client';
import type { ActiveScenario, LabState, VerifyResult } from './local/runner';
import type { Release } from './local/operations';
import { formatVerify } from './report';

export const USAGE = `Usage: npm run lab -- <command>

  list                    the scenarios (local ones need \`up\`, cluster ones kubectl)
  up [--port n]           run the lab stack (the app + fault admin ports) until Ctrl-C
  status                  the lab stack's URLs, admin ports and the active scenario
  start <id>              inject the scenario's fault
  hint <id> [n]           hint n (1 = gentle … last = the fix)
  verify <id>             check objectively that the SLO holds again (exit 1 while it does not)
  reset <id>              undo the scenario, leave a clean stack
  ops <action> <target>   operator actions: stop|start|restart catalog|order|main|redis (postgres: restart)
  ops releases <service>  a service's release history
  ops rollback <service>  roll a service back to its previous release`;

export interface Io extends Printer {
  env: NodeJS.ProcessEnv;
}

export async function runCommand(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'list':
        return list(io);
      case 'hint':
        return hint(rest, io);
      case 'start':
      case 'verify':
      case 'reset':
        return await scenarioVerb(command, rest[0], io);
      case 'status':
        return await status(io);
      case 'ops':
        return await ops(rest, io);
      default:
        io.err(USAGE);
        return 2;
    }
  } catch (error) {
    io.err(`lab: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

function list(io: Io): number {
  for (const s of allScenarios()) {
    io.out(`${s.id.padEnd(16)} ${s.target.padEnd(8)} seed ${s.seed} (${SEED_SCENARIOS[s.seed]})  ${s.title}`);
  }
  return 0;
}

function hint([id, n]: string[], io: Io): number {
  const scenario = id ? findScenario(id) : undefined;
  if (!scenario) return unknown(id, io);
  const index = n === undefined ? 1 : Number(n);
  if (!Number.isInteger(index) || index < 1 || index > scenario.hints.length) {
    io.err(`hint number must be 1..${scenario.hints.length}`);
    return 2;
  }
  io.out(`hint ${index}/${scenario.hints.length}: ${scenario.hints[index - 1]!}`);
  return 0;
}

function unknown(id: string | undefined, io: Io): number {
  io.err(`unknown scenario ${id ?? '(none)'}; \`npm run lab -- list\` shows them`);
  return 2;
}

async function scenarioVerb(
  verb: 'start' | 'verify' | 'reset',
  id: string | undefined,
  io: Io,
): Promise<number> {
  const scenario = id ? findScenario(id) : undefined;
  if (!scenario) return unknown(id, io);
  if (scenario.target === 'cluster') return runCluster(verb, scenario, repoRoot(__dirname), io);
  const client = ControlClient.fromStateFile(io.env);
  if (verb === 'start') {
    const active = await client.call<ActiveScenario>('POST', `/scenarios/${scenario.id}/start`);
    io.out(`${scenario.id} started at ${active.startedAt}: ${scenario.breaks}.`);
    io.out(
      `Find and fix it; \`npm run lab -- hint ${scenario.id}\` helps, \`verify ${scenario.id}\` checks.`,
    );
    return 0;
  }
  const result = await client.call<VerifyResult>('POST', `/scenarios/${scenario.id}/${verb}`);
  const lines = formatVerify(result, verb === 'reset' ? `${scenario.id} reset` : scenario.id);
  for (const line of lines.out) io.out(line);
  for (const line of lines.err) io.err(line);
  return result.ok ? 0 : 1;
}

async function status(io: Io): Promise<number> {
  const state = await ControlClient.fromStateFile(io.env).call<LabState>('GET', '/state');
  const { urls, adminPorts, active } = state;
  io.out(`main      ${urls.main}   fault admin http://127.0.0.1:${adminPorts.main}/faults`);
  io.out(`catalog   ${urls.catalog}   fault admin http://127.0.0.1:${adminPorts.catalog}/faults`);
  io.out(`order     ${urls.order}   fault admin http://127.0.0.1:${adminPorts.order}/faults`);
  io.out(`shop      ${urls.frontend}`);
  io.out(`redis     ${urls.redis}`);
  io.out(`databases catalog ${urls.databases.catalog}`);
  io.out(`          order   ${urls.databases.order}`);
  if (!active) io.out('scenario  none active');
  else if (active.resolved) io.out(`scenario  ${active.id}: recovered at ${active.resolved.at}; reset it`);
  else io.out(`scenario  ${active.id}: active since ${active.startedAt}`);
  return 0;
}

async function ops([first, second]: string[], io: Io): Promise<number> {
  if (!first || !second) {
    io.err(USAGE);
    return 2;
  }
  const client = ControlClient.fromStateFile(io.env);
  if (first === 'releases') {
    const releases = await client.call<Release[]>('GET', `/releases/${second}`);
    for (const r of releases)
      io.out(`${r.version}  ${r.deployedAt}  faults: ${JSON.stringify(r.faults ?? 'none')}`);
    return 0;
  }
  const path = first === 'rollback' ? `/rollback/${second}` : `/ops/${second}/${first}`;
  io.out((await client.call<{ message: string }>('POST', path)).message);
  return 0;
}
