import { z } from 'zod';
import { managementSchema, performanceInsightsProblem } from './management';

// The lab config's schema: every value the generator emits comes from here, validated before anything is
// written. Profiles carry everything that changes with the cost level; the rest is shared.

const dnsLabel = z.string().regex(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, 'must be a lowercase DNS label');
const imageTag = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'must be an image tag')
  .refine((tag) => tag !== 'latest', 'must be a pinned tag, not "latest"');
const quantity = z
  .string()
  .regex(/^\d+(\.\d+)?(m|Mi|Gi|Ki)?$/, 'must be a Kubernetes quantity (100m, 128Mi)');
const semver = z.string().regex(/^\d+\.\d+\.\d+$/, 'must be an exact x.y.z version');

export const resourcesSchema = z.strictObject({
  requests: z.strictObject({ cpu: quantity, memory: quantity }),
  limits: z.strictObject({ cpu: quantity, memory: quantity }),
});

export const workloadSizeSchema = z
  .strictObject({
    replicas: z.int().min(1).max(50),
    minReplicas: z.int().min(1),
    maxReplicas: z.int().min(1).max(100),
    targetCpuPercent: z.int().min(10).max(100),
    resources: resourcesSchema,
  })
  .refine((s) => s.minReplicas <= s.replicas && s.replicas <= s.maxReplicas, {
    message: 'must satisfy minReplicas <= replicas <= maxReplicas',
    path: ['replicas'],
  });

const serviceNames = ['main', 'catalog', 'order', 'frontend'] as const;
export const serviceNameSchema = z.enum(serviceNames);
export type ServiceName = z.infer<typeof serviceNameSchema>;

const perService = <T extends z.ZodType>(schema: T) =>
  z.strictObject({ main: schema, catalog: schema, order: schema, frontend: schema });

export const profileSchema = z.strictObject({
  description: z.string().min(1),
  workloads: perService(workloadSizeSchema),
  infra: z.strictObject({
    availabilityZones: z.int().min(2).max(3),
    natGateways: z.enum(['one-per-az', 'single']),
    nodeGroups: z.strictObject({
      system: z.strictObject({ instanceType: z.string(), min: z.int().min(1), max: z.int().min(1) }),
      app: z.strictObject({
        instanceType: z.string(),
        min: z.int().min(1),
        max: z.int().min(1),
        capacityType: z.enum(['ON_DEMAND', 'SPOT']),
      }),
    }),
    rds: z.strictObject({
      instanceClass: z.string(),
      multiAz: z.boolean(),
      backupRetentionDays: z.int().min(0).max(35),
      performanceInsights: z.boolean(),
    }),
    redis: z.strictObject({ nodeType: z.string(), replicas: z.int().min(0).max(5) }),
  }),
});

export const faultSchema = z.strictObject({
  latencyMs: z.int().min(0).max(60_000),
  errorRate: z.number().min(0).max(1),
  readinessFail: z.boolean(),
});

export const serviceSettingsSchema = z.strictObject({
  image: z.string().regex(/^[a-z0-9][a-z0-9/_.-]*$/, 'must be a repository name without tag'),
  tag: imageTag,
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']),
  faults: faultSchema,
});

export const helmChartSchema = z.strictObject({
  repoURL: z.url(),
  chart: z.string().min(1),
  version: semver,
});

// ---- platform (issue 10: src/platform/) -------------------------------------------------------------
const imageRef = z.strictObject({ repository: z.string().min(1), tag: imageTag });

export const platformSchema = z.strictObject({
  /** Pinned Helm charts of the lab's upstream tools (chart version, not app version). */
  charts: z.strictObject({
    kubePrometheusStack: helmChartSchema,
    postgresExporter: helmChartSchema,
    fluentBit: helmChartSchema,
    otelCollector: helmChartSchema,
    falco: helmChartSchema,
    externalSecrets: helmChartSchema,
    chaosMesh: helmChartSchema,
    metricsServer: helmChartSchema,
    clusterAutoscaler: helmChartSchema,
    awsLoadBalancerController: helmChartSchema,
  }),
  images: z.strictObject({
    adotCollector: imageRef,
    kubeBench: imageRef,
    k6: imageRef,
    node: imageRef,
    awsCli: imageRef,
  }),
  /** CloudWatch Logs retention (one of the values CloudWatch accepts). */
  logRetentionDays: z.union([1, 3, 5, 7, 14, 30, 60, 90, 180, 365].map((d) => z.literal(d))),
  /** Secrets Manager key (JSON property `url`) of the Slack incoming webhook for Alertmanager and Falco. */
  slackWebhookKey: z.string().min(1),
  /** Bucket (and key prefix) the kube-bench and k6 Jobs upload their reports to. */
  reports: z.strictObject({
    bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name'),
    prefix: z.string().min(1),
  }),
  /** Kubernetes groups the EKS access entries map people to. */
  rbac: z.strictObject({ learnerGroup: z.string().min(1), operatorGroup: z.string().min(1) }),
  /** EFS file system of the `efs` StorageClass (created by the Crossplane composition). */
  efsFileSystemId: z.string().regex(/^fs-[0-9a-f]{8,17}$/, 'must be an EFS file system id'),
});

const labConfigShape = z.strictObject({
  name: dnsLabel,
  profile: z.enum(['production-like', 'budget']),
  aws: z.strictObject({
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as ap-northeast-2'),
    accountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
  }),
  domain: z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'must be a DNS name'),
  /**
   * ACM certificate for `domain`: the ALB then listens on 443 and redirects 80 to it. Unset (a lab without a
   * real domain) → HTTP only.
   */
  tlsCertificateArn: z
    .string()
    .regex(/^arn:aws:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/, 'must be an ACM certificate ARN')
    .optional(),
  git: z.strictObject({ repoURL: z.url(), targetRevision: z.string().min(1) }),
  cluster: z.strictObject({
    name: dnsLabel,
    vpcCidr: z.string().regex(/^\d+\.\d+\.\d+\.\d+\/\d+$/, 'must be a CIDR'),
  }),
  imageRegistry: z.string().min(1),
  services: perService(serviceSettingsSchema),
  slo: z.strictObject({
    latencyP95Ms: z.int().positive(),
    errorRatePercent: z.number().positive().max(100),
    availabilityPercent: z.number().positive().max(100),
    dbConnectionsPercent: z.number().positive().max(100),
  }),
  secrets: z.strictObject({
    clusterSecretStore: dnsLabel,
    keyPrefix: z.string().min(1),
  }),
  observability: z.strictObject({
    prometheusUrl: z.url(),
    otlpEndpoint: z.url(),
    monitoringNamespace: dnsLabel,
  }),
  notifications: z.strictObject({ slackChannel: z.string().min(1), slackTokenKey: z.string().min(1) }),
  charts: z.strictObject({ argoRollouts: helmChartSchema }),
  profiles: z.strictObject({ 'production-like': profileSchema, budget: profileSchema }),
  // Issue 8: management cluster, Crossplane/Argo CD versions, the labs (src/config/management.ts).
  management: managementSchema,
  platform: platformSchema,
});

// Issue 8: cross-field AWS rules (a profile's RDS class must support what it asks for).
export const labConfigSchema = labConfigShape.superRefine((config, ctx) => {
  for (const [name, profile] of Object.entries(config.profiles)) {
    const problem = performanceInsightsProblem(profile.infra.rds);
    const path = ['profiles', name, 'infra', 'rds', 'performanceInsights'];
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path });
  }
});

export type LabConfigInput = z.input<typeof labConfigSchema>;
export type LabConfig = z.output<typeof labConfigSchema>;
export type Profile = z.output<typeof profileSchema>;
export type WorkloadSize = z.output<typeof workloadSizeSchema>;
