import { allEndpoints, type FuzzTargets } from './endpoints';
import { fuzzEndpoint, stillAlive, type EndpointReport } from './run-fuzz';
import { closeFuzzAgent } from '../http/send';

export interface FuzzSuiteResult {
  seed: number;
  runsPerEndpoint: number;
  endpoints: EndpointReport[];
  /** Liveness URLs that did not answer 200 after the storm. */
  dead: string[];
  ok: boolean;
}

/** Every public endpoint of main, catalog and order, `runs` hostile requests each, then /healthz. */
export async function runFuzzSuite(
  targets: FuzzTargets,
  o: { runs: number; seed: number; concurrency?: number; log?: (line: string) => void },
): Promise<FuzzSuiteResult> {
  const endpoints: EndpointReport[] = [];
  try {
    for (const endpoint of allEndpoints(targets)) {
      const report = await fuzzEndpoint(endpoint, {
        runs: o.runs,
        seed: o.seed,
        concurrency: o.concurrency ?? 8,
      });
      o.log?.(
        `${report.service} ${report.name}: ${report.runs} requests, statuses ${JSON.stringify(report.statuses)}` +
          (report.failures ? `, ${report.failures} FAILED — ${report.counterexample?.problem}` : ''),
      );
      endpoints.push(report);
    }
    const dead = await stillAlive([targets.main, targets.catalog, targets.order].map((u) => `${u}/healthz`));
    return {
      seed: o.seed,
      runsPerEndpoint: o.runs,
      endpoints,
      dead,
      ok: dead.length === 0 && endpoints.every((e) => e.failures === 0),
    };
  } finally {
    closeFuzzAgent();
  }
}

export function fuzzTable(result: FuzzSuiteResult): string {
  const rows = result.endpoints.map((e) => {
    const statuses = Object.entries(e.statuses)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    const verdict = e.failures ? `**${e.failures} failed**: ${e.counterexample?.problem ?? ''}` : 'ok';
    return `| ${e.service} | \`${e.name}\` | ${e.runs} | ${statuses} | ${verdict.replace(/\|/g, '\\|')} |`;
  });
  return [
    '| service | endpoint | requests | statuses | verdict |',
    '| --- | --- | ---: | --- | --- |',
    ...rows,
    '',
    `Seed ${result.seed}; liveness after the run: ${result.dead.length ? `**dead: ${result.dead.join(', ')}**` : 'all /healthz 200'}.`,
  ].join('\n');
}
