import type { Construct } from 'constructs';
import { IntOrString, KubeHorizontalPodAutoscalerV2, KubePodDisruptionBudget } from '../../imports/k8s';
import type { ResolvedConfig } from '../config/load';
import { commonLabels, selectorLabels, type ServiceDef } from './catalog';

/**
 * HPA on the Rollout (seed scenario 2). Scale-down waits 5 minutes and removes one pod a minute, so the HPA
 * does not shrink the stable set while a canary step or its analysis is running.
 */
export function autoscaler(scope: Construct, config: ResolvedConfig, def: ServiceDef): void {
  const size = config.selected.workloads[def.name];
  new KubeHorizontalPodAutoscalerV2(scope, 'hpa', {
    metadata: { name: def.name, namespace: def.namespace, labels: commonLabels(def) },
    spec: {
      scaleTargetRef: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: def.name },
      minReplicas: size.minReplicas,
      maxReplicas: size.maxReplicas,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: size.targetCpuPercent } },
        },
      ],
      behavior: {
        scaleUp: { stabilizationWindowSeconds: 0, policies: [{ type: 'Percent', value: 100, periodSeconds: 60 }] },
        scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] },
      },
    },
  });
}

/** At most one pod of a workload is evicted at a time (works for 1 replica too, unlike minAvailable). */
export function disruptionBudget(scope: Construct, def: ServiceDef): void {
  new KubePodDisruptionBudget(scope, 'pdb', {
    metadata: { name: def.name, namespace: def.namespace, labels: commonLabels(def) },
    spec: { maxUnavailable: IntOrString.fromNumber(1), selector: { matchLabels: selectorLabels(def) } },
  });
}
