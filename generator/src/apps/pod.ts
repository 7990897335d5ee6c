import { kitEndpoints } from '@eks-sre-lab/kit/contract';
import {
  RolloutSpecTemplateSpecContainersLivenessProbeHttpGetPort as LivenessPort,
  RolloutSpecTemplateSpecContainersReadinessProbeHttpGetPort as ReadinessPort,
  type RolloutSpecTemplateSpec,
  type RolloutSpecTemplateSpecContainersEnv,
} from '../../imports/argo-rollouts-rollout-argoproj.io';
import type { ResolvedConfig } from '../config/load';
import { inClusterHostPort, inClusterUrl, labels, selectorLabels, serviceDef, type ServiceDef } from './catalog';

export const configMapName = (def: ServiceDef): string => `${def.name}-config`;
export const datastoreSecretName = (def: ServiceDef): string => `${def.name}-datastores`;
export const s3BucketName = (config: ResolvedConfig): string => `${config.name}-${config.aws.accountId}-uploads`;

export function imageRef(config: ResolvedConfig, def: ServiceDef): { repository: string; tag: string } {
  const settings = config.services[def.name];
  return { repository: `${config.imageRegistry}/${settings.image}`, tag: settings.tag };
}

/** Plain settings, rendered into the service's ConfigMap (kustomize generator: a change rolls the pods). */
export function configMapLiterals(config: ResolvedConfig, def: ServiceDef): Record<string, string> {
  const settings = config.services[def.name];
  const values: Record<string, string> = { PORT: String(def.containerPort), LOG_LEVEL: settings.logLevel };
  if (def.kit) {
    Object.assign(values, {
      OTEL_EXPORTER_OTLP_ENDPOINT: config.observability.otlpEndpoint,
      OTEL_SERVICE_NAME: def.name,
      FAULT_LATENCY_MS: String(settings.faults.latencyMs),
      FAULT_ERROR_RATE: String(settings.faults.errorRate),
      FAULT_READINESS_FAIL: String(settings.faults.readinessFail),
    });
  }
  if (def.s3) Object.assign(values, { AWS_REGION: config.aws.region, S3_BUCKET: s3BucketName(config) });
  for (const callee of def.calls) {
    if (callee === 'catalog') values['CATALOG_URL'] = inClusterUrl(serviceDef('catalog'));
    if (callee === 'order') values['ORDER_URL'] = inClusterUrl(serviceDef('order'));
    // nginx's `upstream` block takes host:port, not a URL.
    if (callee === 'main') values['API_UPSTREAM'] = inClusterHostPort(serviceDef('main'));
  }
  return values;
}

function secretEnv(def: ServiceDef): RolloutSpecTemplateSpecContainersEnv[] {
  const keys = [...(def.postgresDatabase ? ['DATABASE_URL'] : []), ...(def.redis ? ['REDIS_URL'] : [])];
  return keys.map((key) => ({ name: key, valueFrom: { secretKeyRef: { name: datastoreSecretName(def), key } } }));
}

/**
 * Writable scratch space: the root filesystem is read-only. nginx also needs its cache dir, and conf.d, where
 * the image's entrypoint renders the config template (it skips the template when conf.d is not writable).
 */
function scratchVolumes(def: ServiceDef): { name: string; mountPath: string }[] {
  const dirs = [{ name: 'tmp', mountPath: '/tmp' }];
  if (!def.kit) {
    dirs.push({ name: 'nginx-cache', mountPath: '/var/cache/nginx' });
    dirs.push({ name: 'nginx-conf', mountPath: '/etc/nginx/conf.d' });
  }
  return dirs;
}

const PRE_STOP_SLEEP_SECONDS = 5;

/** The pod template: restricted Pod Security, probes, resources, zone spread. */
export function podSpec(config: ResolvedConfig, def: ServiceDef): RolloutSpecTemplateSpec {
  const size = config.selected.workloads[def.name];
  const image = imageRef(config, def);
  // Kit services have /healthz and /readyz; the frontend's nginx config answers /healthz itself.
  const liveness = kitEndpoints.healthz;
  const readiness = def.kit ? kitEndpoints.readyz : kitEndpoints.healthz;
  const volumes = scratchVolumes(def);
  return {
    serviceAccountName: def.name,
    automountServiceAccountToken: false,
    terminationGracePeriodSeconds: 30,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      fsGroup: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    containers: [
      {
        name: def.name,
        image: `${image.repository}:${image.tag}`,
        imagePullPolicy: 'IfNotPresent',
        ports: [{ name: 'http', containerPort: def.containerPort, protocol: 'TCP' }],
        envFrom: [{ configMapRef: { name: configMapName(def) } }],
        env: secretEnv(def),
        livenessProbe: {
          httpGet: { path: liveness, port: LivenessPort.fromString('http') },
          periodSeconds: 10,
          timeoutSeconds: 2,
          failureThreshold: 3,
        },
        readinessProbe: {
          httpGet: { path: readiness, port: ReadinessPort.fromString('http') },
          periodSeconds: 5,
          timeoutSeconds: 3,
          failureThreshold: 2,
        },
        // Endpoint and ALB target removal lag behind SIGTERM: keep serving a few seconds before the drain
        // (5 s sleep + the kit's 10 s drain stays inside the 30 s grace period).
        lifecycle: { preStop: { sleep: { seconds: PRE_STOP_SLEEP_SECONDS } } },
        resources: { requests: size.resources.requests, limits: size.resources.limits },
        securityContext: {
          runAsNonRoot: true,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          privileged: false,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        },
        volumeMounts: volumes.map((v) => ({ name: v.name, mountPath: v.mountPath })),
      },
    ],
    volumes: volumes.map((v) => ({ name: v.name, emptyDir: { sizeLimit: '64Mi' } })),
    topologySpreadConstraints: [
      {
        topologyKey: 'topology.kubernetes.io/zone',
        maxSkew: 1,
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: selectorLabels(def) },
        // Spread each revision on its own, so a small canary is not pushed into one zone.
        matchLabelKeys: [labels.podTemplateHash],
      },
      {
        topologyKey: 'kubernetes.io/hostname',
        maxSkew: 1,
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: selectorLabels(def) },
        matchLabelKeys: [labels.podTemplateHash],
      },
    ],
  };
}
