import { z } from 'zod';

// Issue 8 (AWS through Crossplane, management cluster): the config section it reads, kept apart from the
// rest of the schema. Versions are pinned to the CRDs the gate validates against (../shared/crds/SOURCES.md).

const dnsLabel = z.string().regex(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, 'must be a lowercase DNS label');
const semver = z.string().regex(/^\d+\.\d+\.\d+$/, 'must be an exact x.y.z version');
const packageTag = z.string().regex(/^v\d+\.\d+\.\d+$/, 'must be an exact vX.Y.Z package tag');
const chart = z.strictObject({ repoURL: z.url(), chart: z.string().min(1), version: semver });

/** EKS versions in AWS standard support when this was written (2026); never below 1.28. */
const eksVersion = z
  .string()
  .regex(/^1\.(\d+)$/, 'must be an EKS minor version such as 1.33')
  .refine((v) => Number(v.split('.')[1]) >= 28, 'must be 1.28 or newer (older versions left AWS support)');

export const labSchema = z.strictObject({
  /** Lab id: the EKS cluster name, the claims' namespace (`lab-<id>`) and the Argo CD cluster name. */
  id: dnsLabel.max(20),
  learner: z.string().min(1),
  /** IAM principal (role ARN) the learner uses; gets cluster-admin through an EKS access entry. */
  adminPrincipalArn: z
    .string()
    .regex(/^arn:aws:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/, 'must be an IAM ARN'),
});

export const managementSchema = z
  .strictObject({
    /** Where Crossplane and Argo CD run: an EKS cluster (Pod Identity) or a local kind cluster (Secret). */
    cluster: z.enum(['eks', 'kind']),
    /** Name of the management EKS cluster (Pod Identity associations); unused for kind. */
    eksClusterName: dnsLabel,
    kubernetesVersion: eksVersion,
    crossplane: z.strictObject({
      chart,
      awsProviderVersion: packageTag,
      kubernetesProviderVersion: packageTag,
      patchAndTransformVersion: packageTag,
      autoReadyVersion: packageTag,
    }),
    argocd: z.strictObject({ chart }),
    labs: z.array(labSchema).min(1),
  })
  .refine((m) => new Set(m.labs.map((l) => l.id)).size === m.labs.length, {
    message: 'lab ids must be unique',
    path: ['labs'],
  });

/**
 * Instance classes on which the lab refuses Performance Insights. AWS lists the micro/small burstable
 * classes as unsupported for RDS for MySQL/MariaDB; the lab applies the same rule to PostgreSQL (as the
 * design asks) so a profile never depends on PI being accepted on a micro instance. See docs/aws.md.
 */
export const performanceInsightsUnsupported = [
  'db.t2.micro',
  'db.t2.small',
  'db.t3.micro',
  'db.t3.small',
  'db.t4g.micro',
  'db.t4g.small',
] as const;

/** A problem message when a profile asks for Performance Insights on a class that cannot have it. */
export function performanceInsightsProblem(rds: {
  instanceClass: string;
  performanceInsights: boolean;
}): string | undefined {
  if (!rds.performanceInsights) return undefined;
  if (!(performanceInsightsUnsupported as readonly string[]).includes(rds.instanceClass)) return undefined;
  return `Performance Insights is not available on ${rds.instanceClass}; set performanceInsights: false or use db.t3.medium or larger`;
}
