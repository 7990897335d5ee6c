import type { LoadSpec } from './types';

/**
 * A Lua string literal for any bytes: every other byte becomes a three-digit decimal escape (Lua reads up
 * to three digits, so `?` then `20` must be `\\06320`, not `\\6320`).
 */
export function luaString(value: string): string {
  let out = '"';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9 _/.:-]/.test(ch) ? ch : `\\${String(byte).padStart(3, '0')}`;
  }
  return `${out}"`;
}

function luaTable(record: Record<string, string>): string {
  const entries = Object.entries(record).map(([k, v]) => `[${luaString(k)}] = ${luaString(v)}`);
  return `{ ${entries.join(', ')} }`;
}

/**
 * The wrk script for a spec: builds each request (cycling ids, fresh idempotency keys) and prints one
 * `WRK_JSON {...}` line with totals and latency percentiles (microseconds) when the run is done.
 */
export function wrkScript(spec: LoadSpec, runId: string): string {
  const path = new URL(spec.url).pathname + new URL(spec.url).search;
  const [prefix, suffix = ''] = spec.pathIds ? path.split(':id') : [path];
  const headers = { ...(spec.headers ?? {}) };
  if (spec.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/json';
  }
  return `
local method = ${luaString(spec.method ?? 'GET')}
local prefix = ${luaString(prefix ?? path)}
local suffix = ${luaString(suffix)}
local ids = { ${(spec.pathIds ?? []).join(', ')} }
local base_headers = ${luaTable(headers)}
local body = ${spec.body === undefined ? 'nil' : luaString(spec.body)}
local unique_key = ${spec.uniqueIdempotencyKey ? 'true' : 'false'}
local next_tid = 0
local counter = 0

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
end

function request()
  counter = counter + 1
  local path = prefix
  if #ids > 0 then
    path = prefix .. ids[(counter % #ids) + 1] .. suffix
  end
  local headers = base_headers
  if unique_key then
    headers = {}
    for k, v in pairs(base_headers) do headers[k] = v end
    headers["Idempotency-Key"] = string.format("${runId}-%d-%d", tid or 0, counter)
  end
  return wrk.format(method, path, headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"durationUs":%d,"p50":%d,"p95":%d,"p99":%d,"non2xx":%d,"socketErrors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
`;
}
