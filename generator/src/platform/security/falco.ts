import type { ResolvedConfig } from '../../config/load';
import { irsa } from '../aws';
import { namespaceLogGroup } from '../observability-pipelines';
import { toYaml } from '../../core/yaml';
import { labFalcoRules } from './falco-rules';

// Falco with the modern eBPF probe (CO-RE: no kernel headers or driver build on the EKS AMIs), JSON alerts
// to falcosidekick, which forwards them to Slack and to CloudWatch Logs (stream `falcosidekick` in the
// security namespace's log group, which Fluent Bit creates with the configured retention). Stock,
// incubating (the privileged-container rule) and our rules, in that order.

export const FALCO_APP = 'falco';
/** Secret falcosidekick reads its env from (`existingSecret`): the Slack webhook as SLACK_WEBHOOKURL. */
export const SIDEKICK_SECRET = 'falcosidekick-slack';
export const SIDEKICK_ENV = 'SLACK_WEBHOOKURL';
const RULES_FILE = 'lab-rules.yaml';

export function falcoValues(config: ResolvedConfig): unknown {
  return {
    driver: { kind: 'modern_ebpf' },
    tty: true, // flush alerts line by line
    tolerations: [{ operator: 'Exists' }], // every node, the tainted system group too
    resources: { requests: { cpu: '100m', memory: '512Mi' }, limits: { cpu: '1', memory: '1024Mi' } },
    falcoctl: {
      config: {
        artifact: {
          install: { refs: ['falco-rules:4', 'falco-incubating-rules:4'] },
          follow: { refs: ['falco-rules:4', 'falco-incubating-rules:4'] },
        },
      },
    },
    falco: {
      json_output: true,
      json_include_output_property: true,
      rules_files: [
        '/etc/falco/falco_rules.yaml',
        '/etc/falco/falco-incubating_rules.yaml',
        '/etc/falco/rules.d',
      ],
      priority: 'notice',
      http_output: { enabled: true }, // to falcosidekick (the chart fills in its URL)
    },
    customRules: { [RULES_FILE]: toYaml(labFalcoRules()) },
    falcosidekick: {
      enabled: true,
      replicaCount: config.profile === 'budget' ? 1 : 2,
      config: {
        existingSecret: SIDEKICK_SECRET,
        slack: {
          channel: `#${config.notifications.slackChannel}`,
          minimumpriority: 'warning',
          outputformat: 'all',
          messageformat: 'Falco: *{{ .Rule }}* on {{ index .OutputFields "k8s.pod.name" }}',
        },
        aws: {
          region: config.aws.region,
          cloudwatchlogs: {
            loggroup: namespaceLogGroup(config, 'security'),
            logstream: 'falcosidekick',
            minimumpriority: 'notice',
          },
        },
      },
      serviceAccount: { create: true, annotations: irsa(config, 'falcosidekick') },
      webui: { enabled: false },
    },
  };
}
