import { appsModule } from './apps/module';
import { namespacesModule } from './apps/namespaces';
import { labApplicationsModule } from './argocd/lab-applications';
import type { OutputModule } from './core/registry';
import { argoRolloutsModule } from './platform/argo-rollouts';
import { rolloutsModule } from './rollouts/module';
import { chaosModule } from './platform/chaos';
import { crossplaneModule } from './crossplane/module';
import { labClustersModule } from './clusters/lab';
import { managementModule } from './clusters/management';
import { loadtestModule } from './platform/loadtest';
import { monitoringModule } from './platform/monitoring';
import { loggingModule, tracingModule } from './platform/observability-pipelines';
import { ingressModule, scalingModule } from './platform/scaling';
import { secretsModule } from './platform/secrets';
import { securityModule } from './platform/security';

/**
 * The registry of everything `npm run generate` writes. Add a module here (see ARCHITECTURE.md):
 * issue 8 adds crossplane/ and clusters/ modules, issue 10 the platform/ tools.
 */
const components: readonly OutputModule[] = [
  namespacesModule,
  appsModule,
  rolloutsModule,
  labApplicationsModule,
  argoRolloutsModule,
  secretsModule,
  monitoringModule,
  loggingModule,
  tracingModule,
  scalingModule,
  ingressModule,
  chaosModule,
  securityModule,
  loadtestModule,
  crossplaneModule,
  managementModule,
];

// Issue 8: each lab syncs every platform tool's Applications, so clusters/lab lists the others' folders.
export const outputs: readonly OutputModule[] = [...components, labClustersModule(components)];
