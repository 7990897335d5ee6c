import type { Construct } from 'constructs';
import { KubeServiceAccount } from '../../imports/k8s';
import { Rollout } from '../../imports/argo-rollouts-rollout-argoproj.io';
import type { ResolvedConfig } from '../config/load';
import { commonLabels, selectorLabels, type ServiceDef } from './catalog';
import { podSpec, s3BucketName } from './pod';

/** IAM role the service account assumes through IRSA (created with the lab's AWS resources). */
export function irsaRoleArn(config: ResolvedConfig, def: ServiceDef): string {
  return `arn:aws:iam::${config.aws.accountId}:role/${config.name}-${def.name}`;
}

export function serviceAccount(scope: Construct, config: ResolvedConfig, def: ServiceDef): void {
  new KubeServiceAccount(scope, 'sa', {
    metadata: {
      name: def.name,
      namespace: def.namespace,
      labels: commonLabels(def),
      ...(def.s3
        ? { annotations: { 'eks.amazonaws.com/role-arn': irsaRoleArn(config, def), 'eks-sre-lab.io/s3-bucket': s3BucketName(config) } }
        : {}),
    },
    automountServiceAccountToken: false,
  });
}

/** Notifications to Slack on abort and on failed analysis (triggers from the controller's default catalog). */
function notificationAnnotations(config: ResolvedConfig): Record<string, string> {
  const channel = config.notifications.slackChannel;
  return {
    'notifications.argoproj.io/subscribe.on-rollout-aborted.slack': channel,
    'notifications.argoproj.io/subscribe.on-analysis-run-failed.slack': channel,
  };
}

/**
 * The workload. The strategy here is a neutral placeholder: the overlay picks the real one with a
 * component from rollouts/components/<service> (which replaces /spec/strategy). Replicas come from the overlay.
 */
export function rollout(scope: Construct, config: ResolvedConfig, def: ServiceDef): void {
  new Rollout(scope, 'rollout', {
    metadata: {
      name: def.name,
      namespace: def.namespace,
      labels: commonLabels(def),
      annotations: notificationAnnotations(config),
    },
    spec: {
      revisionHistoryLimit: 5,
      progressDeadlineSeconds: 600,
      progressDeadlineAbort: true,
      selector: { matchLabels: selectorLabels(def) },
      strategy: { canary: {} },
      template: { metadata: { labels: commonLabels(def) }, spec: podSpec(config, def) },
    },
  });
}
