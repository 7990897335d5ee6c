import { appNamespaces } from '../../apps/namespaces';
import { labels } from '../../apps/catalog';

// Our Falco rules for this app. The stock terminal-shell rule fires only with a TTY (`kubectl exec -it`);
// these fire for any shell. The privileged-container rule lives in the incubating set: loaded and enabled
// here (`falco-incubating_rules.yaml` must come before this file in `rules_files`).

/** Ports catalog and order may connect to: DNS, PostgreSQL, Redis, OTLP (the trace collector). */
export const dataServicePorts = [53, 4317, 4318, 5432, 6379];

export function labFalcoRules(): unknown[] {
  const podName = `k8s.pod.label[${labels.name}]`;
  return [
    { list: 'lab_app_namespaces', items: [...appNamespaces] },
    { list: 'lab_data_service_ports', items: dataServicePorts },
    { macro: 'lab_app_container', condition: 'container and k8s.ns.name in (lab_app_namespaces)' },
    {
      rule: 'Lab Shell In Service Container',
      desc: 'A shell started in a service container, with or without a TTY',
      condition: 'spawned_process and lab_app_container and proc.name in (shell_binaries)',
      output:
        'Shell in service container (ns=%k8s.ns.name pod=%k8s.pod.name container=%container.name cmd=%proc.cmdline parent=%proc.pname user=%user.name)',
      priority: 'WARNING',
      tags: ['lab', 'mitre_execution'],
    },
    {
      rule: 'Lab Write Below Etc In Container',
      desc: 'A file below /etc opened for writing in any container of the app namespaces',
      condition: 'open_write and lab_app_container and fd.name startswith /etc/',
      output: 'Write below /etc (ns=%k8s.ns.name pod=%k8s.pod.name file=%fd.name cmd=%proc.cmdline)',
      priority: 'ERROR',
      tags: ['lab', 'mitre_persistence'],
    },
    {
      rule: 'Lab Unexpected Outbound From Data Services',
      desc: 'catalog and order only talk to DNS, PostgreSQL, Redis and the trace collector',
      condition: `outbound and lab_app_container and ${podName} in (catalog, order) and not fd.sport in (lab_data_service_ports)`,
      output:
        'Unexpected outbound connection (pod=%k8s.pod.name connection=%fd.name port=%fd.sport cmd=%proc.cmdline)',
      priority: 'WARNING',
      tags: ['lab', 'mitre_exfiltration'],
    },
    {
      rule: 'Lab Package Manager In Container',
      desc: 'A package manager run inside a running container (images are immutable)',
      condition: 'spawned_process and container and proc.name in (package_mgmt_binaries)',
      output: 'Package manager in container (ns=%k8s.ns.name pod=%k8s.pod.name cmd=%proc.cmdline)',
      priority: 'ERROR',
      tags: ['lab', 'mitre_persistence'],
    },
    { rule: 'Launch Privileged Container', enabled: true, override: { enabled: 'replace' } },
  ];
}
