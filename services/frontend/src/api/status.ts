// /api/status normalised for the dashboard; tolerant of field-name variations so a gateway upgrade that
// adds or renames a field degrades to "unknown" instead of breaking the page.
import type { DownstreamStatus, GatewayStatus, RouteStats } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function entries(v: unknown): Obj[] {
  if (Array.isArray(v)) return v.filter(isObj);
  if (isObj(v)) return Object.entries(v).map(([name, x]) => ({ name, ...(isObj(x) ? x : { value: x }) }));
  return [];
}

function isUp(s: Obj): boolean {
  if (typeof s.up === 'boolean') return s.up;
  if (typeof s.healthy === 'boolean') return s.healthy;
  const status = String(s.status ?? s.health ?? s.state ?? '').toLowerCase();
  return ['up', 'ok', 'healthy', 'pass'].includes(status);
}

/** 'halfOpen', 'HALF_OPEN' and 'half-open' are one state. */
function canonicalBreaker(state: string): string {
  const s = state.toLowerCase().replace(/[_\s]/g, '-');
  return s === 'halfopen' ? 'half-open' : s;
}

function breakerOf(s: Obj, breakers: Obj): string | undefined {
  const b = s.breaker ?? s.circuit ?? breakers[String(s.name)];
  if (typeof b === 'string') return canonicalBreaker(b);
  if (isObj(b))
    return canonicalBreaker(String(b.state ?? (b.opened ? 'open' : b.halfOpen ? 'half-open' : 'closed')));
  return undefined;
}

export function normalizeStatus(raw: unknown): GatewayStatus {
  const root = isObj(raw) ? raw : {};
  const breakers = isObj(root.breakers) ? root.breakers : {};
  // The gateway reports { health: { checks: { catalog: { status, latencyMs, detail } } }, breakers: {...} }.
  const checks = isObj(root.health) ? root.health.checks : undefined;
  const services: DownstreamStatus[] = entries(root.services ?? checks ?? root.dependencies).map((s) => ({
    name: String(s.name ?? s.service ?? 'unknown'),
    up: isUp(s),
    breaker: breakerOf(s, breakers),
    latencyMs: num(s.latencyMs) ?? undefined,
    detail: typeof s.detail === 'string' ? s.detail : typeof s.error === 'string' ? s.error : undefined,
  }));
  for (const name of Object.keys(breakers)) {
    if (!services.some((s) => s.name === name))
      services.push({ name, up: false, breaker: breakerOf({ name }, breakers) });
  }
  const routes: RouteStats[] = entries(root.routes ?? root.latency).map((r) => ({
    route: String(r.route ?? r.name ?? '?'),
    p95Ms: num(r.p95Ms ?? r.p95),
    errorRate: num(r.errorRate) ?? 0,
    count: num(r.count ?? r.requests) ?? undefined,
  }));
  return { services, routes, checkedAt: typeof root.at === 'string' ? root.at : undefined };
}
