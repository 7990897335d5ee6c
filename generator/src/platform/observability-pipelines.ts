import type { ResolvedConfig } from '../config/load';
import { componentModule } from './component';
import { irsa } from './aws';
import { platformWaves } from './graph';
import { hardenedChartDefaults } from './pod-defaults';

// Logs: Fluent Bit → CloudWatch Logs, one log group per namespace. Traces: the ADOT collector (the
// opentelemetry-collector chart running the AWS distribution's image) → X-Ray. The services send OTLP to
// `adot-collector.monitoring:4318`, hence the fixed fullname.

export const ADOT_SERVICE = 'adot-collector';

/** CloudWatch Logs group of a namespace (Fluent Bit creates it, with `platform.logRetentionDays`). */
export const namespaceLogGroup = (config: ResolvedConfig, namespace: string): string =>
  `/aws/eks/${config.cluster.name}/${namespace}`;

export const loggingModule = componentModule('logging', (config) => ({
  helm: [
    {
      name: 'aws-for-fluent-bit',
      chart: config.platform.charts.fluentBit,
      namespace: 'logging',
      wave: platformWaves.tools,
      values: {
        serviceAccount: { create: true, annotations: irsa(config, 'fluent-bit') },
        cloudWatchLogs: {
          enabled: true,
          region: config.aws.region,
          logGroupName: `/aws/eks/${config.cluster.name}/unmatched`,
          logGroupTemplate: namespaceLogGroup(config, "$kubernetes['namespace_name']"),
          logStreamTemplate: "$kubernetes['pod_name'].$kubernetes['container_name']",
          logKey: 'log',
          logRetentionDays: config.platform.logRetentionDays,
          autoCreateGroup: true,
        },
        firehose: { enabled: false },
        kinesis: { enabled: false },
        elasticsearch: { enabled: false },
        tolerations: [{ operator: 'Exists' }], // every node, system nodes too
      },
    },
  ],
}));

export const tracingModule = componentModule('tracing', (config) => ({
  helm: [
    {
      name: 'adot-collector',
      chart: config.platform.charts.otelCollector,
      namespace: config.observability.monitoringNamespace,
      wave: platformWaves.tools,
      values: {
        mode: 'deployment',
        fullnameOverride: ADOT_SERVICE,
        replicaCount: config.profile === 'budget' ? 1 : 2,
        image: {
          repository: config.platform.images.adotCollector.repository,
          tag: config.platform.images.adotCollector.tag,
        },
        command: { name: 'awscollector' },
        serviceAccount: { create: true, annotations: irsa(config, 'adot-collector') },
        ports: {
          'otlp-http': { enabled: true },
          otlp: { enabled: true },
          jaeger: { enabled: false },
          'jaeger-compact': { enabled: false },
          'jaeger-thrift': { enabled: false },
          'jaeger-grpc': { enabled: false },
          zipkin: { enabled: false },
        },
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
        ...hardenedChartDefaults,
        config: {
          receivers: {
            otlp: { protocols: { http: { endpoint: '0.0.0.0:4318' }, grpc: { endpoint: '0.0.0.0:4317' } } },
          },
          processors: {
            memory_limiter: { check_interval: '1s', limit_percentage: 80, spike_limit_percentage: 20 },
            batch: { timeout: '5s' },
          },
          exporters: {
            awsxray: { region: config.aws.region, indexed_attributes: ['http.route', 'service.name'] },
          },
          extensions: { health_check: { endpoint: '0.0.0.0:13133' } },
          service: {
            extensions: ['health_check'],
            pipelines: {
              traces: {
                receivers: ['otlp'],
                processors: ['memory_limiter', 'batch'],
                exporters: ['awsxray'],
              },
              metrics: null,
              logs: null,
            },
          },
        },
      },
    },
  ],
}));
