import {
  RolloutSpecStrategyCanaryMaxSurge,
  RolloutSpecStrategyCanaryMaxUnavailable,
  RolloutSpecStrategyCanaryStepsPauseDuration as PauseDuration,
  toJson_RolloutSpecStrategy,
  type RolloutSpecStrategy,
  type RolloutSpecStrategyCanaryAnalysis,
  type RolloutSpecStrategyCanarySteps,
} from '../../imports/argo-rollouts-rollout-argoproj.io';
import { SERVICE_PORT, type ServiceDef } from '../apps/catalog';
import { serviceName, serviceUrl } from '../apps/networking';
import { analysisNames } from './analysis';

/** 5 % → 10 % → 25 % → 50 % → 100 %; the first pause waits for `kubectl argo rollouts promote`. */
export const CANARY_WEIGHTS = [5, 10, 25, 50] as const;

export function canarySteps(): RolloutSpecStrategyCanarySteps[] {
  return CANARY_WEIGHTS.flatMap((weight, i) => [
    { setWeight: weight },
    { pause: i === 0 ? {} : { duration: PauseDuration.fromString(weight < 25 ? '2m' : '5m') } },
  ]);
}

/** Background analysis from the first step on, scoped to the canary pods by their pod-template hash. */
function canaryAnalysis(def: ServiceDef): RolloutSpecStrategyCanaryAnalysis {
  return {
    templates: [
      { templateName: analysisNames.successRate, clusterScope: true },
      { templateName: analysisNames.latencyP95, clusterScope: true },
    ],
    startingStep: 1,
    args: [
      { name: 'namespace', value: def.namespace },
      { name: 'service', value: def.name },
      { name: 'canary-hash', valueFrom: { podTemplateHashValue: 'Latest' } },
    ],
  };
}

const canaryCommon = (def: ServiceDef) => ({
  canaryService: serviceName(def, 'canary'),
  stableService: serviceName(def, 'stable'),
  steps: canarySteps(),
  analysis: canaryAnalysis(def),
  // Keep old pods 30 s after an abort/promotion so in-flight requests drain.
  abortScaleDownDelaySeconds: 30,
  maxSurge: RolloutSpecStrategyCanaryMaxSurge.fromString('25%'),
  maxUnavailable: RolloutSpecStrategyCanaryMaxUnavailable.fromNumber(0),
});

export function strategyFor(def: ServiceDef): RolloutSpecStrategy {
  switch (def.delivery) {
    case 'canary-alb':
      return {
        canary: {
          ...canaryCommon(def),
          // The stable set stays at full size during the canary (an abort is instant) and the HPA keeps
          // scaling spec.replicas; the canary's share follows the weight.
          dynamicStableScale: false,
          scaleDownDelaySeconds: 30,
          trafficRouting: { alb: { ingress: def.name, servicePort: SERVICE_PORT } },
        },
      };
    case 'canary-replicas':
      return { canary: canaryCommon(def) };
    case 'blue-green':
      return {
        blueGreen: {
          activeService: serviceName(def, 'active'),
          previewService: serviceName(def, 'preview'),
          autoPromotionEnabled: false,
          scaleDownDelaySeconds: 60,
          abortScaleDownDelaySeconds: 30,
          prePromotionAnalysis: {
            templates: [{ templateName: analysisNames.smoke, clusterScope: true }],
            args: [{ name: 'url', value: `${serviceUrl(def, 'preview')}/` }],
          },
        },
      };
  }
}

/** The JSON patch a component applies to the base Rollout. */
export function strategyPatch(def: ServiceDef): unknown[] {
  return [{ op: 'replace', path: '/spec/strategy', value: toJson_RolloutSpecStrategy(strategyFor(def)) }];
}
