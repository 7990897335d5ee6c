// What every scenario says about itself (both targets): the catalogue `list` prints and the docs follow.
export const SEED_SCENARIOS = {
  1: 'deploy and monitoring',
  2: 'autoscaling and load',
  3: 'failure response and recovery',
  4: 'security and compliance',
} as const;
export type SeedScenario = keyof typeof SEED_SCENARIOS;

export interface ScenarioInfo {
  id: string;
  title: string;
  seed: SeedScenario;
  target: 'local' | 'cluster';
  /** What breaks, one sentence. */
  breaks: string;
  /** What `verify` checks, one sentence. */
  verifies: string;
  /** Progressive hints; the last one names the fix. */
  hints: string[];
}
