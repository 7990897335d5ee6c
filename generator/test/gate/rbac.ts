import type { K8sObject } from './kustomize';

// People's RBAC: any (Cluster)Role bound to the learner or operator groups must not reach Secrets, Chaos
// Mesh or Crossplane (and AWS provider) objects, nor use wildcards or the escalation verbs.

type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

const FORBIDDEN_GROUP = /^(chaos-mesh\.org|.*\.?crossplane\.io|.*\.?upbound\.io|\*)$/;
const FORBIDDEN_VERBS = new Set(['*', 'escalate', 'bind', 'impersonate']);

function ruleProblems(role: string, rule: Json): string[] {
  const problems: string[] = [];
  const groups = strings(rule['apiGroups']);
  const resources = strings(rule['resources']);
  for (const g of groups.filter((x) => FORBIDDEN_GROUP.test(x)))
    problems.push(`${role}: grants on API group "${g}"`);
  if (groups.includes('') && resources.some((r) => r === 'secrets' || r === '*'))
    problems.push(`${role}: grants on core ${resources.includes('*') ? '"*"' : 'secrets'}`);
  for (const v of strings(rule['verbs']).filter((x) => FORBIDDEN_VERBS.has(x)))
    problems.push(`${role}: verb "${v}"`);
  return problems;
}

/** Problems of every role bound (by a ClusterRoleBinding or RoleBinding) to one of `groups`. */
export function peopleRbacProblems(objects: K8sObject[], groups: string[]): string[] {
  const bindings = objects.filter(
    (o) =>
      (o.kind === 'ClusterRoleBinding' || o.kind === 'RoleBinding') &&
      (o['subjects'] as Json[] | undefined)?.some(
        (s) => s['kind'] === 'Group' && groups.includes(String(s['name'])),
      ),
  );
  const problems: string[] = [];
  for (const b of bindings) {
    const ref = obj(b['roleRef']);
    const role = objects.find(
      (o) =>
        o.kind === ref['kind'] &&
        o.metadata.name === ref['name'] &&
        (o.kind === 'ClusterRole' || o.metadata.namespace === b.metadata.namespace),
    );
    if (!role) {
      problems.push(`${b.kind} ${b.metadata.name}: role ${String(ref['name'])} is not in the tree`);
      continue;
    }
    if (role['aggregationRule']) problems.push(`${String(ref['name'])}: aggregated roles cannot be checked`);
    for (const rule of (role['rules'] as Json[] | undefined) ?? [])
      problems.push(...ruleProblems(`${role.kind} ${role.metadata.name}`, rule));
  }
  return [...new Set(problems)];
}
