// Every scenario, local and cluster, by id.
import { repoRoot } from '@eks-sre-lab/harness';
import { clusterScenarios, type ClusterScenario } from './cluster/scenarios';
import { LOCAL_SCENARIOS, type LocalScenario } from './local/scenarios';

export type Scenario = LocalScenario | ClusterScenario;

export function allScenarios(root = repoRoot(__dirname)): Scenario[] {
  return [...LOCAL_SCENARIOS, ...clusterScenarios(root)];
}

export function findScenario(id: string, root?: string): Scenario | undefined {
  return allScenarios(root).find((s) => s.id === id);
}
