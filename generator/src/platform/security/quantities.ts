// Kubernetes quantities as the config writes them (100m, 0.5, 2; 128Mi, 1Gi), in millicores and MiB.

export function millicores(q: string): number {
  return q.endsWith('m') ? Number(q.slice(0, -1)) : Math.round(Number(q) * 1000);
}

export function mebibytes(q: string): number {
  const units: Record<string, number> = { Ki: 1 / 1024, Mi: 1, Gi: 1024 };
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi)?$/.exec(q);
  if (!m) throw new Error(`unsupported memory quantity ${q}`);
  return Math.ceil(Number(m[1]) * (m[2] ? units[m[2]]! : 1 / (1024 * 1024)));
}

export const cpu = (milli: number): string => `${milli}m`;
export const memory = (mib: number): string => `${mib}Mi`;
