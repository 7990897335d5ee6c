import { Policy } from '../../imports/aws-iam-policies-iam.aws.m.upbound.io';
import { RolePolicyAttachment } from '../../imports/aws-iam-rolepolicyattachments-iam.aws.m.upbound.io';
import { Role } from '../../imports/aws-iam-roles-iam.aws.m.upbound.io';
import { AWS_PROVIDER_CONFIG, composed, labPatches, type ComposedResource, type Patch } from './xr';

const ref = AWS_PROVIDER_CONFIG;
const ROLE_LABEL = 'eks-sre-lab.io/role';

export const trust = (service: string): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: service }, Action: ['sts:AssumeRole', 'sts:TagSession'] },
    ],
  });

/** An IAM role (label `eks-sre-lab.io/role: <name>`), its managed-policy attachments and an inline policy. */
export function role(
  name: string,
  opts: { trust?: string; trustPatch?: Patch; managed?: string[]; policy?: object; roleName?: Patch },
): ComposedResource[] {
  const labels = { [ROLE_LABEL]: name };
  const roleSelector = { matchControllerRef: true, matchLabels: labels };
  const out = [
    composed(
      `${name}-role`,
      Role.manifest({
        metadata: { labels },
        spec: {
          providerConfigRef: ref,
          forProvider: { assumeRolePolicy: opts.trust ?? trust('pods.eks.amazonaws.com') },
        },
      }),
      [
        ...labPatches({ region: false }),
        ...(opts.trustPatch ? [opts.trustPatch] : []),
        ...(opts.roleName ? [opts.roleName] : []),
      ],
    ),
    ...(opts.managed ?? []).map((arn) =>
      composed(
        `${name}-${arn.split('/').pop()!.toLowerCase().replace(/_/g, '-')}`,
        RolePolicyAttachment.manifest({
          spec: { providerConfigRef: ref, forProvider: { policyArn: arn, roleSelector } },
        }),
        labPatches({ region: false, tags: false }),
      ),
    ),
  ];
  if (opts.policy) {
    const policyLabels = { 'eks-sre-lab.io/policy': name };
    out.push(
      composed(
        `${name}-policy`,
        Policy.manifest({
          metadata: { labels: policyLabels },
          spec: { providerConfigRef: ref, forProvider: { policy: JSON.stringify(opts.policy) } },
        }),
        labPatches({ region: false }),
      ),
      composed(
        `${name}-policy-attachment`,
        RolePolicyAttachment.manifest({
          spec: {
            providerConfigRef: ref,
            forProvider: {
              roleSelector,
              policyArnSelector: { matchControllerRef: true, matchLabels: policyLabels },
            },
          },
        }),
        labPatches({ region: false, tags: false }),
      ),
    );
  }
  return out;
}

export const roleSelector = (
  name: string,
): { matchControllerRef: boolean; matchLabels: Record<string, string> } => ({
  matchControllerRef: true,
  matchLabels: { [ROLE_LABEL]: name },
});
export const awsManaged = (name: string): string => `arn:aws:iam::aws:policy/${name}`;
