import type { CaseResult } from '../run/cases';
import { CEILING_BARE, CEILING_EXPRESS, type FloorCheck } from './floors';
import type { MachineFacts } from './machine';

const fmt = (n: number | undefined, digits = 1) => (n === undefined ? '–' : n.toFixed(digits));

/** The Markdown results table: one row per case with ratios to both ceilings of the same run. */
export function resultsTable(results: CaseResult[]): string {
  const bare = results.find((r) => r.id === CEILING_BARE)?.summary.rps;
  const express = results.find((r) => r.id === CEILING_EXPRESS)?.summary.rps;
  const rows = results.map((r) => {
    const s = r.summary;
    return [
      r.title,
      Math.round(s.rps).toString(),
      bare ? `${(s.rps / bare).toFixed(2)}` : '–',
      express ? `${(s.rps / express).toFixed(2)}` : '–',
      fmt(s.p50, 2),
      fmt(s.p95, 2),
      fmt(s.p99, 2),
      `${s.errors}`,
      fmt(s.serverCpuPercent, 0),
      fmt(s.generatorCpuPercent, 0),
    ];
  });
  const head = [
    'case',
    'req/s',
    '× bare http',
    '× Express',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors',
    'server CPU %',
    'loadgen CPU %',
  ];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export function floorsTable(checks: FloorCheck[]): string {
  const rows = checks.map((c) => `| ${c.floor} | ${c.measured} | ${c.pass ? 'pass' : '**FAIL**'} |`);
  return ['| floor | measured | verdict |', '| --- | ---: | --- |', ...rows].join('\n');
}

export function machineLine(m: MachineFacts): string {
  return (
    `${m.date} — ${m.cores} × ${m.cpuModel}, ${m.memoryGiB} GiB, Linux ${m.kernel}, Node ${m.node}, ` +
    `Express ${m.express}, load generator ${m.generator}, load average at start ${m.loadAverageAtStart.join(' / ')}`
  );
}

export function caseNotes(results: CaseResult[]): string {
  return results
    .filter((r) => r.note)
    .map((r) => `- **${r.title}**: ${r.note}`)
    .join('\n');
}
