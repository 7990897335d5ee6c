import type { Construct } from 'constructs';
import {
  ClusterAnalysisTemplate,
  ClusterAnalysisTemplateSpecMetricsCount as Count,
  ClusterAnalysisTemplateSpecMetricsFailureLimit as FailureLimit,
  ClusterAnalysisTemplateSpecMetricsInconclusiveLimit as InconclusiveLimit,
  type ClusterAnalysisTemplateSpecMetrics,
} from '../../imports/argo-rollouts-cluster-analysis-argoproj.io';
import { SMOKE_LABEL } from '../apps/networking';
import type { ResolvedConfig } from '../config/load';

export const analysisNames = {
  successRate: 'http-success-rate',
  latencyP95: 'http-latency-p95',
  smoke: 'http-smoke',
} as const;

/** Pinned image of the smoke-test Job (no `:latest`). */
export const SMOKE_IMAGE = 'curlimages/curl:8.11.1';

const canaryArgs = [{ name: 'namespace' }, { name: 'service' }, { name: 'canary-hash' }];
const canarySelector =
  'namespace="{{args.namespace}}",service="{{args.service}}",rollouts_pod_template_hash="{{args.canary-hash}}"';

/**
 * A Prometheus check that passes only on a real measurement: an empty vector (no traffic yet) or NaN
 * (0/0) matches neither condition, so the measurement is Inconclusive — the rollout pauses for a human
 * instead of counting silence as health.
 */
function measured(pass: string, fail: string): Pick<ClusterAnalysisTemplateSpecMetrics, 'successCondition' | 'failureCondition'> {
  const real = 'len(result) > 0 && !isNaN(result[0])';
  return { successCondition: `${real} && ${pass}`, failureCondition: `${real} && ${fail}` };
}

function prometheusMetric(config: ResolvedConfig, name: string, query: string, pass: string, fail: string): ClusterAnalysisTemplateSpecMetrics {
  return {
    name,
    interval: '1m',
    // Background analysis: no count, it runs until the rollout finishes; one failed measurement aborts.
    failureLimit: FailureLimit.fromNumber(0),
    inconclusiveLimit: InconclusiveLimit.fromNumber(2),
    ...measured(pass, fail),
    provider: { prometheus: { address: config.observability.prometheusUrl, timeout: 30, query } },
  };
}

export function successRateQuery(): string {
  return (
    `sum(rate(http_requests_total{${canarySelector},status_code!~"5.."}[2m])) / ` +
    `sum(rate(http_requests_total{${canarySelector}}[2m]))`
  );
}

export function latencyP95Query(): string {
  return `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{${canarySelector}}[2m])))`;
}

export function analysisTemplates(scope: Construct, config: ResolvedConfig): void {
  const minSuccess = +(1 - config.slo.errorRatePercent / 100).toFixed(6);
  const maxLatency = config.slo.latencyP95Ms / 1000;
  new ClusterAnalysisTemplate(scope, 'success-rate', {
    metadata: { name: analysisNames.successRate },
    spec: {
      args: canaryArgs,
      metrics: [
        prometheusMetric(config, 'success-rate', successRateQuery(), `result[0] >= ${minSuccess}`, `result[0] < ${minSuccess}`),
      ],
    },
  });
  new ClusterAnalysisTemplate(scope, 'latency-p95', {
    metadata: { name: analysisNames.latencyP95 },
    spec: {
      args: canaryArgs,
      metrics: [prometheusMetric(config, 'latency-p95', latencyP95Query(), `result[0] < ${maxLatency}`, `result[0] >= ${maxLatency}`)],
    },
  });
  smokeTemplate(scope);
}

/** Pre-promotion smoke test for blue/green: a Job requesting the preview Service must succeed. */
function smokeTemplate(scope: Construct): void {
  new ClusterAnalysisTemplate(scope, 'smoke', {
    metadata: { name: analysisNames.smoke },
    spec: {
      args: [{ name: 'url' }],
      metrics: [
        {
          name: 'smoke',
          count: Count.fromNumber(1),
          failureLimit: FailureLimit.fromNumber(0),
          provider: {
            job: {
              spec: {
                backoffLimit: 2,
                activeDeadlineSeconds: 120,
                template: {
                  metadata: { labels: { ...SMOKE_LABEL } },
                  spec: {
                    restartPolicy: 'Never',
                    automountServiceAccountToken: false,
                    securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
                    containers: [
                      {
                        name: 'smoke',
                        image: SMOKE_IMAGE,
                        args: ['--fail', '--silent', '--show-error', '--max-time', '5', '--retry', '5', '--retry-all-errors', '{{args.url}}'],
                        resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '32Mi' } },
                        securityContext: {
                          allowPrivilegeEscalation: false,
                          readOnlyRootFilesystem: true,
                          capabilities: { drop: ['ALL'] },
                        },
                      },
                    ],
                  },
                },
              },
            },
          },
        },
      ],
    },
  });
}
