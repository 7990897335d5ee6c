import {
  NetworkChaos,
  NetworkChaosSpecAction,
  NetworkChaosSpecDirection,
  NetworkChaosSpecMode,
  NetworkChaosSpecTargetMode,
} from '../../imports/chaos-mesh-networkchaos-chaos-mesh.org';
import {
  PodChaos,
  PodChaosSpecAction,
  PodChaosSpecMode,
} from '../../imports/chaos-mesh-podchaos-chaos-mesh.org';
import { StressChaos, StressChaosSpecMode } from '../../imports/chaos-mesh-stresschaos-chaos-mesh.org';
import { labels } from '../apps/catalog';
import { synth } from '../core/chart';
import { resourceDir } from '../core/kustomize';
import { componentDir, componentModule } from './component';
import { platformWaves } from './graph';

// Chaos Mesh from its chart (containerd on EKS — the chart defaults to Docker) and the seed's three
// experiments. The experiments live in platform/chaos/experiments, which no Application syncs: a scenario
// applies one (`kubectl apply -f`) and deletes it afterwards.

export const CHAOS_APP = 'chaos-mesh';
export const CHAOS_NAMESPACE = 'chaos';
export const EXPERIMENTS_DIR = `${componentDir('chaos')}/experiments`;
const BACKEND = ['backend'];

function experiments() {
  return synth((scope) => {
    new PodChaos(scope, 'pod-failure', {
      metadata: { name: 'backend-pod-failure', namespace: CHAOS_NAMESPACE },
      spec: {
        action: PodChaosSpecAction.POD_HYPHEN_FAILURE,
        mode: PodChaosSpecMode.ONE,
        duration: '5m',
        selector: { namespaces: BACKEND },
      },
    });
    new NetworkChaos(scope, 'network-delay', {
      metadata: { name: 'main-to-backends-delay', namespace: CHAOS_NAMESPACE },
      spec: {
        action: NetworkChaosSpecAction.DELAY,
        mode: NetworkChaosSpecMode.ALL,
        selector: { namespaces: BACKEND, labelSelectors: { [labels.name]: 'main' } },
        direction: NetworkChaosSpecDirection.TO,
        target: {
          mode: NetworkChaosSpecTargetMode.ALL,
          selector: {
            namespaces: BACKEND,
            expressionSelectors: [{ key: labels.name, operator: 'In', values: ['catalog', 'order'] }],
          },
        },
        delay: { latency: '100ms', jitter: '10ms', correlation: '25' },
        duration: '10m',
      },
    });
    new StressChaos(scope, 'cpu-stress', {
      metadata: { name: 'backend-cpu-stress', namespace: CHAOS_NAMESPACE },
      spec: {
        mode: StressChaosSpecMode.ALL,
        selector: { namespaces: BACKEND },
        stressors: { cpu: { workers: 1, load: 80 } },
        duration: '15m',
      },
    });
  });
}

export const chaosModule = componentModule('chaos', (config) => ({
  helm: [
    {
      name: CHAOS_APP,
      chart: config.platform.charts.chaosMesh,
      namespace: CHAOS_NAMESPACE,
      wave: platformWaves.operators,
      values: {
        chaosDaemon: { runtime: 'containerd', socketPath: '/run/containerd/containerd.sock' },
        controllerManager: {
          replicaCount: config.profile === 'budget' ? 1 : 3,
          enableFilterNamespace: false,
        },
        dashboard: { create: true, securityMode: true },
      },
    },
  ],
  files: resourceDir(EXPERIMENTS_DIR, experiments()),
}));
