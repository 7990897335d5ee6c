export { allScenarios, findScenario, type Scenario } from './catalogue';
export { SEED_SCENARIOS, type ScenarioInfo } from './catalogue-types';
export { runCommand, USAGE, type Io } from './commands';
export { startLabStack, type LabStack, type LabStackOptions } from './local/lab-stack';
export { writeLabFile, readLabFile, removeLabFile } from './local/state-file';
export { clusterScenarios, kubeBenchProblems, type ClusterScenario } from './cluster/scenarios';
export { showCommand } from './cluster/kubectl';
export { SLO, ERROR_BUDGET_MINUTES, percentile, budgetBurnedPercent } from './slo/objectives';
