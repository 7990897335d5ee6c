import type { LabConfigInput } from './schema';

// The lab's single source of truth. Edit, run `npm run generate`, commit. Placeholders (account id, domain,
// repo URL) must be replaced with your own before a real cluster syncs this repository.

const noFaults = { latencyMs: 0, errorRate: 0, readinessFail: false };

const backendProduction = {
  replicas: 3,
  minReplicas: 3,
  maxReplicas: 10,
  targetCpuPercent: 70,
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
};

const backendBudget = {
  replicas: 1,
  minReplicas: 1,
  maxReplicas: 3,
  targetCpuPercent: 80,
  resources: { requests: { cpu: '50m', memory: '96Mi' }, limits: { cpu: '250m', memory: '192Mi' } },
};

const frontendProduction = {
  replicas: 3,
  minReplicas: 3,
  maxReplicas: 6,
  targetCpuPercent: 70,
  resources: { requests: { cpu: '50m', memory: '32Mi' }, limits: { cpu: '200m', memory: '64Mi' } },
};

const frontendBudget = { ...frontendProduction, replicas: 1, minReplicas: 1, maxReplicas: 2 };

export const labConfig: LabConfigInput = {
  name: 'eks-sre-lab',
  profile: 'production-like',
  aws: { region: 'ap-northeast-2', accountId: '000000000000' },
  domain: 'lab.example.com',
  // With a real domain, an ACM certificate for it puts the ALB on HTTPS (80 redirects to 443):
  // tlsCertificateArn: 'arn:aws:acm:ap-northeast-2:<account>:certificate/<id>',
  git: { repoURL: 'https://github.com/example/eks-sre-lab.git', targetRevision: 'main' },
  cluster: { name: 'lab', vpcCidr: '10.0.0.0/16' },
  imageRegistry: '000000000000.dkr.ecr.ap-northeast-2.amazonaws.com',
  services: {
    main: { image: 'eks-sre-lab/main', tag: '0.1.0', logLevel: 'info', faults: noFaults },
    catalog: { image: 'eks-sre-lab/catalog', tag: '0.1.0', logLevel: 'info', faults: noFaults },
    order: { image: 'eks-sre-lab/order', tag: '0.1.0', logLevel: 'info', faults: noFaults },
    frontend: { image: 'eks-sre-lab/frontend', tag: '0.1.0', logLevel: 'info', faults: noFaults },
  },
  // The seed's SLIs: p95 < 500 ms, errors < 1 %, availability > 99.9 %, DB connections < 80 %.
  slo: { latencyP95Ms: 500, errorRatePercent: 1, availabilityPercent: 99.9, dbConnectionsPercent: 80 },
  secrets: { clusterSecretStore: 'aws-secrets-manager', keyPrefix: 'eks-sre-lab' },
  observability: {
    prometheusUrl: 'http://kube-prometheus-stack-prometheus.monitoring.svc:9090',
    otlpEndpoint: 'http://adot-collector.monitoring.svc:4318',
    monitoringNamespace: 'monitoring',
  },
  notifications: { slackChannel: 'eks-sre-lab-alerts', slackTokenKey: 'eks-sre-lab/slack' },
  charts: {
    argoRollouts: {
      repoURL: 'https://argoproj.github.io/argo-helm',
      chart: 'argo-rollouts',
      version: '2.41.1', // app v1.9.1, matching the Rollouts CRDs
    },
  },
  // ---- platform (issue 10): the lab's upstream tools, pinned -------------------------------------------
  platform: {
    charts: {
      // app v0.93.0 = the Prometheus Operator CRDs the gate validates against
      kubePrometheusStack: {
        repoURL: 'https://prometheus-community.github.io/helm-charts',
        chart: 'kube-prometheus-stack',
        version: '88.2.0',
      },
      postgresExporter: {
        repoURL: 'https://prometheus-community.github.io/helm-charts',
        chart: 'prometheus-postgres-exporter',
        version: '8.0.0',
      },
      fluentBit: {
        repoURL: 'https://aws.github.io/eks-charts',
        chart: 'aws-for-fluent-bit',
        version: '0.2.0',
      },
      otelCollector: {
        repoURL: 'https://open-telemetry.github.io/opentelemetry-helm-charts',
        chart: 'opentelemetry-collector',
        version: '0.153.0',
      },
      falco: { repoURL: 'https://falcosecurity.github.io/charts', chart: 'falco', version: '9.1.0' },
      externalSecrets: {
        repoURL: 'https://charts.external-secrets.io',
        chart: 'external-secrets',
        version: '2.9.0',
      },
      chaosMesh: { repoURL: 'https://charts.chaos-mesh.org', chart: 'chaos-mesh', version: '2.8.3' },
      metricsServer: {
        repoURL: 'https://kubernetes-sigs.github.io/metrics-server',
        chart: 'metrics-server',
        version: '3.13.1',
      },
      clusterAutoscaler: {
        repoURL: 'https://kubernetes.github.io/autoscaler',
        chart: 'cluster-autoscaler',
        version: '9.59.0',
      },
      awsLoadBalancerController: {
        repoURL: 'https://aws.github.io/eks-charts',
        chart: 'aws-load-balancer-controller',
        version: '3.5.0',
      },
    },
    images: {
      adotCollector: { repository: 'public.ecr.aws/aws-observability/aws-otel-collector', tag: 'v0.48.0' },
      kubeBench: { repository: 'docker.io/aquasec/kube-bench', tag: 'v0.15.6' },
      k6: { repository: 'docker.io/grafana/k6', tag: '1.7.1' },
      node: { repository: 'docker.io/library/node', tag: '22.20.0-alpine' },
      awsCli: { repository: 'public.ecr.aws/aws-cli/aws-cli', tag: '2.31.0' },
    },
    logRetentionDays: 14,
    slackWebhookKey: 'eks-sre-lab/slack-webhook',
    reports: { bucket: 'eks-sre-lab-000000000000-lab-reports', prefix: 'reports' },
    rbac: { learnerGroup: 'eks-sre-lab:learners', operatorGroup: 'eks-sre-lab:lab-operators' },
    efsFileSystemId: 'fs-00000000000000000',
  },
  // ---- management cluster and labs (issue 8) ------------------------------------------------------------
  management: {
    cluster: 'kind',
    eksClusterName: 'eks-sre-lab-mgmt',
    kubernetesVersion: '1.33',
    crossplane: {
      chart: { repoURL: 'https://charts.crossplane.io/stable', chart: 'crossplane', version: '2.3.4' },
      awsProviderVersion: 'v2.6.0',
      kubernetesProviderVersion: 'v1.2.1',
      patchAndTransformVersion: 'v0.10.8',
      autoReadyVersion: 'v0.6.0',
    },
    argocd: {
      chart: { repoURL: 'https://argoproj.github.io/argo-helm', chart: 'argo-cd', version: '9.4.2' },
    },
    labs: [
      {
        id: 'lab',
        learner: 'learner-1',
        adminPrincipalArn: 'arn:aws:iam::000000000000:role/eks-sre-lab-learner-1',
      },
    ],
  },
  profiles: {
    'production-like': {
      description: 'The seed design: 3 AZs, a NAT gateway per AZ, Multi-AZ RDS, on-demand nodes.',
      workloads: {
        main: backendProduction,
        catalog: backendProduction,
        order: backendProduction,
        frontend: frontendProduction,
      },
      infra: {
        availabilityZones: 3,
        natGateways: 'one-per-az',
        nodeGroups: {
          system: { instanceType: 't3.medium', min: 2, max: 4 },
          app: { instanceType: 't3.large', min: 2, max: 6, capacityType: 'ON_DEMAND' },
        },
        rds: {
          instanceClass: 'db.t3.micro',
          multiAz: true,
          backupRetentionDays: 7,
          performanceInsights: false, // unsupported on db.t3.micro (src/config/management.ts)
        },
        redis: { nodeType: 'cache.t3.micro', replicas: 1 },
      },
    },
    budget: {
      description:
        'Cheapest lab that still shows every scenario: 2 AZs, one NAT, single-AZ RDS, spot app nodes.',
      workloads: {
        main: backendBudget,
        catalog: backendBudget,
        order: backendBudget,
        frontend: frontendBudget,
      },
      infra: {
        availabilityZones: 2,
        natGateways: 'single',
        nodeGroups: {
          system: { instanceType: 't3.medium', min: 1, max: 2 },
          app: { instanceType: 't3.large', min: 1, max: 3, capacityType: 'SPOT' },
        },
        rds: {
          instanceClass: 'db.t3.micro',
          multiAz: false,
          backupRetentionDays: 1,
          performanceInsights: false,
        },
        redis: { nodeType: 'cache.t3.micro', replicas: 0 },
      },
    },
  },
};
