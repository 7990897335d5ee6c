import type { Construct } from 'constructs';
import {
  KubeClusterRole,
  KubeClusterRoleBinding,
  KubeRole,
  KubeRoleBinding,
  type PolicyRule,
} from '../../../imports/k8s';
import type { ResolvedConfig } from '../../config/load';

// Two roles for people (EKS access entries map them to the config's groups): `learner` reads what the
// scenarios need; `lab-operator` also drives releases (promote/abort), restarts pods and runs Jobs. Neither
// touches Secrets, Chaos Mesh or Crossplane objects: scenarios apply experiments with the lab's admin
// access, and the gate (test/gate/rbac.ts) fails any people role that could.

export const LEARNER = 'learner';
export const LAB_OPERATOR = 'lab-operator';
const READ = ['get', 'list', 'watch'];

export const learnerRules: PolicyRule[] = [
  {
    apiGroups: [''],
    resources: [
      'pods',
      'pods/log',
      'services',
      'endpoints',
      'configmaps',
      'events',
      'namespaces',
      'nodes',
      'persistentvolumeclaims',
      'resourcequotas',
      'limitranges',
      'serviceaccounts',
    ],
    verbs: READ,
  },
  { apiGroups: ['apps'], resources: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'], verbs: READ },
  { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: READ },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: READ },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: READ },
  { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies', 'ingresses'], verbs: READ },
  {
    apiGroups: ['argoproj.io'],
    resources: ['rollouts', 'analysisruns', 'analysistemplates', 'clusteranalysistemplates', 'experiments'],
    verbs: READ,
  },
  { apiGroups: ['monitoring.coreos.com'], resources: ['prometheusrules', 'servicemonitors'], verbs: READ },
  { apiGroups: ['metrics.k8s.io'], resources: ['pods', 'nodes'], verbs: READ },
];

export const operatorRules: PolicyRule[] = [
  ...learnerRules,
  { apiGroups: ['argoproj.io'], resources: ['rollouts', 'rollouts/status'], verbs: ['patch', 'update'] },
  { apiGroups: [''], resources: ['pods'], verbs: ['delete'] },
  { apiGroups: [''], resources: ['pods/portforward', 'pods/exec'], verbs: ['create'] },
  { apiGroups: ['apps'], resources: ['deployments', 'deployments/scale'], verbs: ['patch'] },
  { apiGroups: ['batch'], resources: ['jobs'], verbs: ['create', 'delete'] },
];

const group = (name: string) => [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name }];

export function peopleRbac(scope: Construct, config: ResolvedConfig, portForwardNamespaces: string[]): void {
  const roles = [
    { name: LEARNER, rules: learnerRules, group: config.platform.rbac.learnerGroup },
    { name: LAB_OPERATOR, rules: operatorRules, group: config.platform.rbac.operatorGroup },
  ];
  for (const r of roles) {
    new KubeClusterRole(scope, `role-${r.name}`, { metadata: { name: r.name }, rules: r.rules });
    new KubeClusterRoleBinding(scope, `binding-${r.name}`, {
      metadata: { name: r.name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: r.name },
      subjects: group(r.group),
    });
  }
  // learners reach the tools' UIs (Grafana, Prometheus, Alertmanager, Chaos dashboard) by port-forward only
  for (const ns of portForwardNamespaces) {
    new KubeRole(scope, `learner-port-forward-${ns}`, {
      metadata: { name: 'learner-port-forward', namespace: ns },
      rules: [
        { apiGroups: [''], resources: ['pods/portforward'], verbs: ['create'] },
        { apiGroups: [''], resources: ['services'], verbs: ['get'] },
      ],
    });
    new KubeRoleBinding(scope, `learner-port-forward-binding-${ns}`, {
      metadata: { name: 'learner-port-forward', namespace: ns },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'learner-port-forward' },
      subjects: group(config.platform.rbac.learnerGroup),
    });
  }
}
