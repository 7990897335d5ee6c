import type { K8sObject } from './kustomize';

// Namespace guardrails over the lab's objects: every namespace something is deployed to has a Namespace
// object with a Pod Security enforce level and a default-deny NetworkPolicy; app namespaces also have a
// ResourceQuota and a LimitRange. kube-system and default belong to EKS.

type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};

export const EKS_OWNED = new Set(['kube-system', 'default']);
const ENFORCE = 'pod-security.kubernetes.io/enforce';

function isDefaultDeny(o: K8sObject): boolean {
  if (o.kind !== 'NetworkPolicy') return false;
  const spec = obj(o['spec']);
  const types = (spec['policyTypes'] as string[] | undefined) ?? [];
  return (
    Object.keys(obj(spec['podSelector'])).length === 0 &&
    types.includes('Ingress') &&
    types.includes('Egress') &&
    spec['ingress'] === undefined &&
    spec['egress'] === undefined
  );
}

export function namespaceProblems(
  objects: K8sObject[],
  used: string[],
  appNamespaces: readonly string[],
): string[] {
  const problems: string[] = [];
  const in_ = (ns: string) => objects.filter((o) => o.metadata.namespace === ns);
  for (const ns of [...new Set(used)].filter((n) => !EKS_OWNED.has(n)).sort()) {
    const namespace = objects.find((o) => o.kind === 'Namespace' && o.metadata.name === ns);
    if (!namespace) problems.push(`namespace ${ns}: no Namespace object`);
    else if (!['restricted', 'baseline', 'privileged'].includes(namespace.metadata.labels?.[ENFORCE] ?? ''))
      problems.push(`namespace ${ns}: no Pod Security enforce label`);
    if (!in_(ns).some(isDefaultDeny)) problems.push(`namespace ${ns}: no default-deny NetworkPolicy`);
  }
  for (const ns of appNamespaces) {
    for (const kind of ['ResourceQuota', 'LimitRange'])
      if (!in_(ns).some((o) => o.kind === kind)) problems.push(`namespace ${ns}: no ${kind}`);
  }
  return problems;
}
