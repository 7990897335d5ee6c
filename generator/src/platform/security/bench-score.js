'use strict';
// Namespace-scoped score for kube-bench's policy checks (CIS EKS 4.1.6, 4.2.x, 4.3.2). kube-bench runs them
// over every namespace, so they fail forever on system pods (Falco, the Chaos Mesh daemon, aws-node,
// kube-proxy). This re-evaluates the same checks for the app namespaces only; the raw report is kept beside.
// Runs in the kube-bench CronJob (node image, no dependencies). Env: NAMESPACES (comma-separated), REPORT
// (kube-bench JSON), OUT (score JSON); FIXTURE_DIR reads <ns>-pods.json / <ns>-networkpolicies.json from
// files instead of the API server (tests).

const fs = require('node:fs');
const https = require('node:https');
const path = require('node:path');

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

const sc = (c) => c.securityContext || {};
const caps = (c) => sc(c).capabilities || {};

/** [id, description, check(pod) => boolean] — a pod passes when every container passes. */
const podChecks = [
  ['4.1.6', 'service account token not mounted', (pod) => pod.spec.automountServiceAccountToken === false],
  ['4.2.2', 'no hostPID', (pod) => pod.spec.hostPID !== true],
  ['4.2.3', 'no hostIPC', (pod) => pod.spec.hostIPC !== true],
  ['4.2.4', 'no hostNetwork', (pod) => pod.spec.hostNetwork !== true],
];
/** [id, description, check(container, pod) => boolean] */
const containerChecks = [
  ['4.2.1', 'not privileged', (c) => sc(c).privileged !== true],
  ['4.2.5', 'no privilege escalation', (c) => sc(c).allowPrivilegeEscalation === false],
  [
    '4.2.6',
    'not root',
    (c, pod) => (sc(c).runAsNonRoot ?? (pod.spec.securityContext || {}).runAsNonRoot) === true,
  ],
  ['4.2.7', 'NET_RAW dropped', (c) => (caps(c).drop || []).some((d) => d === 'ALL' || d === 'NET_RAW')],
  ['4.2.8', 'no added capabilities', (c) => (caps(c).add || []).length === 0],
];

function podResults(pod) {
  const containers = [...(pod.spec.initContainers || []), ...(pod.spec.containers || [])];
  const object = `pod/${pod.metadata.name}`;
  return [
    ...podChecks.map(([id, desc, ok]) => ({ id, desc, object, pass: ok(pod) })),
    ...containerChecks.map(([id, desc, ok]) => ({
      id,
      desc,
      object,
      pass: containers.every((c) => ok(c, pod)),
    })),
  ];
}

/** The score of one namespace: every pod against every check, plus 4.3.2 (it has NetworkPolicies). */
function scoreNamespace(namespace, pods, networkPolicies) {
  const results = [
    ...pods.flatMap(podResults),
    {
      id: '4.3.2',
      desc: 'namespace has NetworkPolicies',
      object: `namespace/${namespace}`,
      pass: networkPolicies.length > 0,
    },
  ];
  const pass = results.filter((r) => r.pass).length;
  return { namespace, pass, fail: results.length - pass, failed: results.filter((r) => !r.pass) };
}

/** Raw kube-bench totals (all namespaces) and the app namespaces' score, as a percentage. */
function score(report, namespaces) {
  const pass = namespaces.reduce((n, s) => n + s.pass, 0);
  const total = namespaces.reduce((n, s) => n + s.pass + s.fail, 0);
  return {
    raw: report.Totals || null,
    namespaces,
    scorePercent: total === 0 ? null : Math.round((1000 * pass) / total) / 10,
  };
}

function apiGet(apiPath) {
  const token = fs.readFileSync(path.join(SA_DIR, 'token'), 'utf8');
  const ca = fs.readFileSync(path.join(SA_DIR, 'ca.crt'));
  const options = { ca, headers: { Authorization: `Bearer ${token}` }, timeout: 30000 };
  return new Promise((resolve, reject) => {
    const req = https.get(`https://kubernetes.default.svc${apiPath}`, options, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () =>
        res.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`${apiPath}: ${res.statusCode}`)),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`${apiPath}: timeout`)));
    req.on('error', reject);
  });
}

async function list(ns, resource) {
  const fixtures = process.env.FIXTURE_DIR;
  if (fixtures) return JSON.parse(fs.readFileSync(path.join(fixtures, `${ns}-${resource}.json`), 'utf8'));
  const group = resource === 'pods' ? '/api/v1' : '/apis/networking.k8s.io/v1';
  return apiGet(`${group}/namespaces/${ns}/${resource}`);
}

async function main() {
  const names = (process.env.NAMESPACES || '').split(',').filter(Boolean);
  const report = JSON.parse(fs.readFileSync(process.env.REPORT, 'utf8'));
  const namespaces = [];
  for (const ns of names) {
    const pods = (await list(ns, 'pods')).items;
    const policies = (await list(ns, 'networkpolicies')).items;
    namespaces.push(scoreNamespace(ns, pods, policies));
  }
  const result = score(report, namespaces);
  fs.writeFileSync(process.env.OUT, JSON.stringify(result, null, 2));
  for (const s of namespaces) console.log(`namespace ${s.namespace}: ${s.pass} pass, ${s.fail} fail`);
  console.log(`app namespaces score: ${result.scorePercent}%`);
  if (result.raw) console.log(`raw kube-bench totals: ${JSON.stringify(result.raw)}`);
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
