import { Eip } from '../../imports/aws-ec2-eips-ec2.aws.m.upbound.io';
import { InternetGateway } from '../../imports/aws-ec2-internetgateways-ec2.aws.m.upbound.io';
import { NatGateway } from '../../imports/aws-ec2-natgateways-ec2.aws.m.upbound.io';
import { Route } from '../../imports/aws-ec2-routes-ec2.aws.m.upbound.io';
import { RouteTableAssociation } from '../../imports/aws-ec2-routetableassociations-ec2.aws.m.upbound.io';
import { RouteTable } from '../../imports/aws-ec2-routetables-ec2.aws.m.upbound.io';
import { SecurityGroupIngressRule } from '../../imports/aws-ec2-securitygroupingressrules-ec2.aws.m.upbound.io';
import { SecurityGroup } from '../../imports/aws-ec2-securitygroups-ec2.aws.m.upbound.io';
import { Subnet } from '../../imports/aws-ec2-subnets-ec2.aws.m.upbound.io';
import { Vpc } from '../../imports/aws-ec2-vpcs-ec2.aws.m.upbound.io';
import type { ResolvedConfig } from '../config/load';
import {
  AWS_PROVIDER_CONFIG,
  combine,
  composed,
  labFields,
  labPatches,
  toXr,
  type ComposedResource,
  type XrdSpec,
} from './xr';

export const networkXrd: XrdSpec = {
  kind: 'Network',
  plural: 'networks',
  description:
    'A lab VPC: public and private subnets per AZ, internet and NAT gateways, data-store security groups.',
  spec: { properties: { ...labFields }, required: ['labId', 'region'] },
  status: { vpcId: { type: 'string' } },
};

/** Labels the other compositions select network resources by (in the lab's namespace). */
export const subnetLabel = 'eks-sre-lab.io/subnet';
export const securityGroupLabel = 'eks-sre-lab.io/security-group';
/** Data stores reachable from the private subnets only, on their port only. */
export const dataStorePorts = { postgres: 5432, redis: 6379, nfs: 2049 } as const;

/** AZ letters, unrolled at generate time from the profile. */
export const zones = (config: ResolvedConfig): string[] =>
  ['a', 'b', 'c'].slice(0, config.selected.infra.availabilityZones);

/** /20 subnets of the /16 VPC: public from .0.0, private from .128.0. */
export function subnetCidr(config: ResolvedConfig, tier: 'public' | 'private', index: number): string {
  const [a, b] = config.cluster.vpcCidr.split('.');
  return `${a}.${b}.${(tier === 'public' ? 0 : 128) + index * 16}.0/20`;
}

/** The spec of an RDS or ElastiCache subnet group: the lab's private subnets, selected by label. */
export function privateSubnetGroupSpec(region: string) {
  return {
    providerConfigRef: AWS_PROVIDER_CONFIG,
    forProvider: {
      region,
      description: 'lab private subnets',
      subnetIdSelector: { matchLabels: { [subnetLabel]: 'private' } },
    },
  };
}

export function networkResources(config: ResolvedConfig): ComposedResource[] {
  const region = config.aws.region;
  const common = { region };
  const ref = AWS_PROVIDER_CONFIG;
  const mine = { matchControllerRef: true };
  const az = (z: string) => combine(`%s${z}`, 'spec.region')('spec.forProvider.availabilityZone');
  const out: ComposedResource[] = [
    composed(
      'vpc',
      Vpc.manifest({
        spec: {
          providerConfigRef: ref,
          forProvider: {
            ...common,
            cidrBlock: config.cluster.vpcCidr,
            enableDnsHostnames: true,
            enableDnsSupport: true,
          },
        },
      }),
      [...labPatches(), toXr('status.atProvider.id', 'status.vpcId')],
    ),
    composed(
      'internet-gateway',
      InternetGateway.manifest({
        spec: { providerConfigRef: ref, forProvider: { ...common, vpcIdSelector: mine } },
      }),
    ),
    composed(
      'public-route-table',
      RouteTable.manifest({
        metadata: { labels: { [subnetLabel]: 'public' } },
        spec: { providerConfigRef: ref, forProvider: { ...common, vpcIdSelector: mine } },
      }),
    ),
    composed(
      'public-default-route',
      Route.manifest({
        spec: {
          providerConfigRef: ref,
          forProvider: {
            ...common,
            destinationCidrBlock: '0.0.0.0/0',
            gatewayIdSelector: mine,
            routeTableIdSelector: { ...mine, matchLabels: { [subnetLabel]: 'public' } },
          },
        },
      }),
      labPatches({ tags: false }),
    ),
  ];
  const natZones = config.selected.infra.natGateways === 'single' ? zones(config).slice(0, 1) : zones(config);
  zones(config).forEach((z, i) => {
    for (const tier of ['public', 'private'] as const) {
      const labels = { [subnetLabel]: tier, 'eks-sre-lab.io/zone': z };
      const elbTag = tier === 'public' ? 'kubernetes.io/role/elb' : 'kubernetes.io/role/internal-elb';
      out.push(
        composed(
          `${tier}-subnet-${z}`,
          Subnet.manifest({
            metadata: { labels },
            spec: {
              providerConfigRef: ref,
              forProvider: {
                ...common,
                availabilityZone: `${region}${z}`,
                cidrBlock: subnetCidr(config, tier, i),
                mapPublicIpOnLaunch: false,
                vpcIdSelector: mine,
                tags: { [elbTag]: '1' },
              },
            },
          }),
          [...labPatches(), az(z)],
        ),
        composed(
          `${tier}-association-${z}`,
          RouteTableAssociation.manifest({
            spec: {
              providerConfigRef: ref,
              forProvider: {
                ...common,
                subnetIdSelector: { ...mine, matchLabels: labels },
                routeTableIdSelector: {
                  ...mine,
                  matchLabels: tier === 'public' ? { [subnetLabel]: 'public' } : labels,
                },
              },
            },
          }),
          labPatches({ tags: false }),
        ),
      );
    }
    const natZone = natZones.includes(z) ? z : natZones[0]!;
    if (natZone === z) {
      out.push(
        composed(
          `nat-eip-${z}`,
          Eip.manifest({
            metadata: { labels: { 'eks-sre-lab.io/zone': z } },
            spec: { providerConfigRef: ref, forProvider: { ...common, domain: 'vpc' } },
          }),
        ),
        composed(
          `nat-gateway-${z}`,
          NatGateway.manifest({
            metadata: { labels: { 'eks-sre-lab.io/zone': z } },
            spec: {
              providerConfigRef: ref,
              forProvider: {
                ...common,
                allocationIdSelector: { ...mine, matchLabels: { 'eks-sre-lab.io/zone': z } },
                subnetIdSelector: {
                  ...mine,
                  matchLabels: { [subnetLabel]: 'public', 'eks-sre-lab.io/zone': z },
                },
              },
            },
          }),
        ),
      );
    }
    const privateLabels = { [subnetLabel]: 'private', 'eks-sre-lab.io/zone': z };
    out.push(
      composed(
        `private-route-table-${z}`,
        RouteTable.manifest({
          metadata: { labels: privateLabels },
          spec: { providerConfigRef: ref, forProvider: { ...common, vpcIdSelector: mine } },
        }),
      ),
      composed(
        `private-default-route-${z}`,
        Route.manifest({
          spec: {
            providerConfigRef: ref,
            forProvider: {
              ...common,
              destinationCidrBlock: '0.0.0.0/0',
              natGatewayIdSelector: { ...mine, matchLabels: { 'eks-sre-lab.io/zone': natZone } },
              routeTableIdSelector: { ...mine, matchLabels: privateLabels },
            },
          },
        }),
        labPatches({ tags: false }),
      ),
    );
  });
  for (const [name, port] of Object.entries(dataStorePorts)) {
    out.push(
      composed(
        `${name}-security-group`,
        SecurityGroup.manifest({
          metadata: { labels: { [securityGroupLabel]: name } },
          spec: {
            providerConfigRef: ref,
            forProvider: {
              ...common,
              description: `${name} (${port}/tcp) from the lab's private subnets only`,
              vpcIdSelector: mine,
            },
          },
        }),
      ),
    );
    zones(config).forEach((z, i) => {
      out.push(
        composed(
          `${name}-from-private-${z}`,
          SecurityGroupIngressRule.manifest({
            spec: {
              providerConfigRef: ref,
              forProvider: {
                ...common,
                cidrIpv4: subnetCidr(config, 'private', i),
                fromPort: port,
                toPort: port,
                ipProtocol: 'tcp',
                description: `private subnet ${z}`,
                securityGroupIdSelector: { ...mine, matchLabels: { [securityGroupLabel]: name } },
              },
            },
          }),
        ),
      );
    });
  }
  return out;
}
