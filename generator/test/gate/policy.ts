import type { K8sObject } from './kustomize';

// The policy suite: rules every workload of the tree must follow, checked on kustomize build output.

type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);

const WORKLOAD_KINDS = new Set(['Rollout', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/** The pod template of a workload (Rollout/Deployment/...), or undefined for other kinds. */
export function podTemplate(object: K8sObject): { labels: Record<string, string>; spec: Json } | undefined {
  if (!WORKLOAD_KINDS.has(object.kind)) return undefined;
  const template = obj(obj(object['spec'])['template']);
  return {
    labels: obj(obj(template['metadata'])['labels']) as Record<string, string>,
    spec: obj(template['spec']),
  };
}

const id = (o: K8sObject): string => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** Every pod spec anywhere in an object (workloads, Jobs inside AnalysisTemplates, CronJobs, ...). */
function podSpecs(value: unknown, found: Json[] = []): Json[] {
  if (Array.isArray(value)) value.forEach((v) => podSpecs(v, found));
  else if (typeof value === 'object' && value !== null) {
    const node = value as Json;
    if (Array.isArray(node['containers'])) found.push(node);
    Object.values(node).forEach((v) => podSpecs(v, found));
  }
  return found;
}

export function imageProblems(object: K8sObject): string[] {
  const problems: string[] = [];
  for (const spec of podSpecs(object)) {
    for (const c of [...arr(spec['initContainers']), ...arr(spec['containers'])]) {
      const image = String(c['image'] ?? '');
      const tagged = /@sha256:[a-f0-9]{64}$/.test(image) || /:[^/:]+$/.test(image);
      if (!tagged) problems.push(`${id(object)}: image "${image}" has no tag`);
      else if (image.endsWith(':latest')) problems.push(`${id(object)}: image "${image}" uses :latest`);
    }
  }
  return problems;
}

function containerSecurity(o: K8sObject, pod: Json, c: Json): string[] {
  const name = `${id(o)} container ${String(c['name'])}`;
  const podSc = obj(pod['securityContext']);
  const sc = obj(c['securityContext']);
  const problems: string[] = [];
  if (sc['runAsNonRoot'] !== true && podSc['runAsNonRoot'] !== true)
    problems.push(`${name}: runAsNonRoot is not true`);
  if (sc['allowPrivilegeEscalation'] !== false)
    problems.push(`${name}: allowPrivilegeEscalation is not false`);
  if (sc['readOnlyRootFilesystem'] !== true) problems.push(`${name}: readOnlyRootFilesystem is not true`);
  if (sc['privileged'] === true) problems.push(`${name}: privileged`);
  const drop = (obj(sc['capabilities'])['drop'] as unknown[] | undefined) ?? [];
  if (!drop.includes('ALL')) problems.push(`${name}: capabilities do not drop ALL`);
  const add = obj(sc['capabilities'])['add'];
  if (Array.isArray(add) && add.length > 0) problems.push(`${name}: adds capabilities`);
  const seccomp = obj(sc['seccompProfile'])['type'] ?? obj(podSc['seccompProfile'])['type'];
  if (seccomp !== 'RuntimeDefault') problems.push(`${name}: seccompProfile is not RuntimeDefault`);
  return problems;
}

function containerResourcesAndProbes(o: K8sObject, c: Json): string[] {
  const name = `${id(o)} container ${String(c['name'])}`;
  const resources = obj(c['resources']);
  const problems: string[] = [];
  for (const part of ['requests', 'limits'] as const) {
    for (const r of ['cpu', 'memory']) {
      if (obj(resources[part])[r] === undefined) problems.push(`${name}: no ${part}.${r}`);
    }
  }
  if (!c['livenessProbe']) problems.push(`${name}: no livenessProbe`);
  if (!c['readinessProbe']) problems.push(`${name}: no readinessProbe`);
  return problems;
}

/** Whether a label selector (matchLabels only, as the generator writes them) selects `labels`. */
function selects(selector: unknown, labels: Record<string, string>): boolean {
  const match = obj(obj(selector)['matchLabels']) as Record<string, string>;
  const keys = Object.keys(match);
  if (keys.length === 0 && arr(obj(selector)['matchExpressions']).length === 0) return false; // not workload-specific
  return keys.every((k) => labels[k] === match[k]);
}

/** All policy problems in one build's objects (a kustomize build is the unit that is deployed together). */
export function policyProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  for (const o of objects) {
    problems.push(...imageProblems(o));
    if (o.kind === 'Secret' && o.apiVersion === 'v1') {
      problems.push(`${id(o)}: plaintext Secret in Git (use an ExternalSecret)`);
    }
    const pod = podTemplate(o);
    if (!pod) continue;
    for (const c of [...arr(pod.spec['initContainers']), ...arr(pod.spec['containers'])]) {
      problems.push(...containerSecurity(o, pod.spec, c));
    }
    for (const c of arr(pod.spec['containers'])) problems.push(...containerResourcesAndProbes(o, c));
    const ns = o.metadata.namespace;
    const sameNs = objects.filter((x) => x.metadata.namespace === ns);
    if (
      !sameNs.some((x) => x.kind === 'PodDisruptionBudget' && selects(obj(x['spec'])['selector'], pod.labels))
    ) {
      problems.push(`${id(o)}: no PodDisruptionBudget selects its pods`);
    }
    if (
      !sameNs.some((x) => x.kind === 'NetworkPolicy' && selects(obj(x['spec'])['podSelector'], pod.labels))
    ) {
      problems.push(`${id(o)}: no NetworkPolicy selects its pods`);
    }
  }
  return problems;
}
