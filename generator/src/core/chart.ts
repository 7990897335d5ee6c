import { App, Chart } from 'cdk8s';
import type { Construct } from 'constructs';

/** A Kubernetes object as cdk8s renders it. */
export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/**
 * Builds objects with cdk8s constructs in a throwaway chart and returns them as plain JSON
 * (nothing is written by cdk8s itself: the tree writer owns the files).
 */
export function synth(build: (scope: Construct) => void): ManifestObject[] {
  const app = new App();
  const chart = new Chart(app, 'generated', { disableResourceNameHashes: true });
  build(chart);
  return chart.toJson() as ManifestObject[];
}
