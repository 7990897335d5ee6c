import { KubeStorageClass } from '../../imports/k8s';
import { synth } from '../core/chart';
import { irsa } from './aws';
import { componentModule } from './component';
import { platformWaves } from './graph';
import { hardenedChartDefaults } from './pod-defaults';

// metrics-server (HPAs), the Cluster Autoscaler (auto-discovers the node groups' ASGs by the tags the
// Crossplane EKS composition sets), the AWS Load Balancer Controller (the apps' ALB Ingress) and the
// storage classes (gp3 default for Prometheus, EFS for shared volumes).

export const STORAGE_APP = 'storage-classes';

/**
 * ASG tags the autoscaler discovers node groups by. EKS puts both on a managed node group's ASG (the
 * second names the EKS cluster, which the Crossplane composition names after the lab id); the composition
 * also sets them on the node groups. test/platform-values.test.ts checks the two sides agree.
 */
export const autoscalerDiscoveryTags = (clusterName: string): string[] => [
  'k8s.io/cluster-autoscaler/enabled',
  `k8s.io/cluster-autoscaler/${clusterName}`,
];

export const scalingModule = componentModule('scaling', (config) => ({
  helm: [
    {
      name: 'metrics-server',
      chart: config.platform.charts.metricsServer,
      namespace: 'kube-system',
      wave: platformWaves.operators,
      values: {
        replicas: config.profile === 'budget' ? 1 : 2,
        podDisruptionBudget: { enabled: config.profile !== 'budget', minAvailable: 1 },
      },
    },
    {
      name: 'cluster-autoscaler',
      chart: config.platform.charts.clusterAutoscaler,
      namespace: 'kube-system',
      wave: platformWaves.operators,
      values: {
        cloudProvider: 'aws',
        awsRegion: config.aws.region,
        autoDiscovery: {
          clusterName: config.cluster.name,
          tags: autoscalerDiscoveryTags(config.cluster.name),
        },
        rbac: {
          serviceAccount: { name: 'cluster-autoscaler', annotations: irsa(config, 'cluster-autoscaler') },
        },
        extraArgs: {
          'balance-similar-node-groups': true,
          'skip-nodes-with-system-pods': false,
          expander: 'least-waste',
          'scale-down-unneeded-time': '5m',
        },
        serviceMonitor: { enabled: false },
        ...hardenedChartDefaults,
        containerSecurityContext: hardenedChartDefaults.securityContext,
      },
    },
  ],
  objects: [
    {
      name: STORAGE_APP,
      folder: 'storage',
      namespace: 'kube-system',
      wave: platformWaves.operators,
      objects: synth((scope) => {
        new KubeStorageClass(scope, 'gp3', {
          metadata: { name: 'gp3', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
          provisioner: 'ebs.csi.aws.com',
          parameters: { type: 'gp3', encrypted: 'true' },
          reclaimPolicy: 'Delete',
          volumeBindingMode: 'WaitForFirstConsumer',
          allowVolumeExpansion: true,
        });
        new KubeStorageClass(scope, 'efs', {
          metadata: { name: 'efs' },
          provisioner: 'efs.csi.aws.com',
          parameters: {
            provisioningMode: 'efs-ap',
            fileSystemId: config.platform.efsFileSystemId,
            directoryPerms: '700',
          },
          reclaimPolicy: 'Delete',
          volumeBindingMode: 'Immediate',
        });
      }),
    },
  ],
}));

export const ingressModule = componentModule('ingress', (config) => ({
  helm: [
    {
      name: 'aws-load-balancer-controller',
      chart: config.platform.charts.awsLoadBalancerController,
      namespace: 'kube-system',
      wave: platformWaves.operators,
      values: {
        clusterName: config.cluster.name,
        region: config.aws.region,
        replicaCount: config.profile === 'budget' ? 1 : 2,
        serviceAccount: {
          create: true,
          name: 'aws-load-balancer-controller',
          annotations: irsa(config, 'aws-load-balancer-controller'),
        },
        enableServiceMutatorWebhook: false, // leave Services of type LoadBalancer to their own annotations
        serviceMonitor: { enabled: false },
      },
    },
  ],
}));
