#!/usr/bin/env bash
# Regenerates the typed cdk8s bindings in generator/imports/ from the CRD files (never committed) in
# $CRD_DIR (default: ../shared/crds beside the checkout). Run after bumping a CRD; commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
CRD_DIR="${CRD_DIR:-$(cd ../.. && pwd)/shared/crds}"
K8S_VERSION=1.34.0
[ -d "$CRD_DIR" ] || { echo "CRD_DIR $CRD_DIR not found (see generator/README.md)" >&2; exit 1; }

# module name := CRD file (relative to CRD_DIR). Add a line to import another CRD.
CRDS=(
  "argo-rollouts-rollout:=argo-rollouts/rollout-crd.yaml"
  "argo-rollouts-analysis:=argo-rollouts/analysis-template-crd.yaml"
  "argo-rollouts-cluster-analysis:=argo-rollouts/cluster-analysis-template-crd.yaml"
  "argocd-application:=argo-cd/application-crd.yaml"
  "argocd-appproject:=argo-cd/appproject-crd.yaml"
  "monitoring-servicemonitor:=prometheus-operator/monitoring.coreos.com_servicemonitors.yaml"
  "monitoring-prometheusrule:=prometheus-operator/monitoring.coreos.com_prometheusrules.yaml"
  "external-secrets:=external-secrets/external-secrets.io_externalsecrets.yaml"
  "external-secrets-clustersecretstore:=external-secrets/external-secrets.io_clustersecretstores.yaml"
  "chaos-mesh-podchaos:=chaos-mesh/chaos-mesh.org_podchaos.yaml"
  "chaos-mesh-networkchaos:=chaos-mesh/chaos-mesh.org_networkchaos.yaml"
  "chaos-mesh-stresschaos:=chaos-mesh/chaos-mesh.org_stresschaos.yaml"
  # issue 8: Crossplane v2, the namespaced AWS kinds, provider-kubernetes, ApplicationSet. Not provider-kubernetes
  # Object: its binding names a class `Object`, which does not compile (src/crossplane/registration.ts types it).
  "aws-clusterproviderconfigs:=provider-aws/aws.m.upbound.io_clusterproviderconfigs.yaml"
  "aws-providerconfigs:=provider-aws/aws.m.upbound.io_providerconfigs.yaml"
  "aws-ec2-eips:=provider-aws/ec2.aws.m.upbound.io_eips.yaml"
  "aws-ec2-internetgateways:=provider-aws/ec2.aws.m.upbound.io_internetgateways.yaml"
  "aws-ec2-natgateways:=provider-aws/ec2.aws.m.upbound.io_natgateways.yaml"
  "aws-ec2-routes:=provider-aws/ec2.aws.m.upbound.io_routes.yaml"
  "aws-ec2-routetableassociations:=provider-aws/ec2.aws.m.upbound.io_routetableassociations.yaml"
  "aws-ec2-routetables:=provider-aws/ec2.aws.m.upbound.io_routetables.yaml"
  "aws-ec2-securitygroupegressrules:=provider-aws/ec2.aws.m.upbound.io_securitygroupegressrules.yaml"
  "aws-ec2-securitygroupingressrules:=provider-aws/ec2.aws.m.upbound.io_securitygroupingressrules.yaml"
  "aws-ec2-securitygrouprules:=provider-aws/ec2.aws.m.upbound.io_securitygrouprules.yaml"
  "aws-ec2-securitygroups:=provider-aws/ec2.aws.m.upbound.io_securitygroups.yaml"
  "aws-ec2-subnets:=provider-aws/ec2.aws.m.upbound.io_subnets.yaml"
  "aws-ec2-vpcs:=provider-aws/ec2.aws.m.upbound.io_vpcs.yaml"
  "aws-ecr-lifecyclepolicies:=provider-aws/ecr.aws.m.upbound.io_lifecyclepolicies.yaml"
  "aws-ecr-repositories:=provider-aws/ecr.aws.m.upbound.io_repositories.yaml"
  "aws-efs-accesspoints:=provider-aws/efs.aws.m.upbound.io_accesspoints.yaml"
  "aws-efs-filesystems:=provider-aws/efs.aws.m.upbound.io_filesystems.yaml"
  "aws-efs-mounttargets:=provider-aws/efs.aws.m.upbound.io_mounttargets.yaml"
  "aws-eks-accessentries:=provider-aws/eks.aws.m.upbound.io_accessentries.yaml"
  "aws-eks-accesspolicyassociations:=provider-aws/eks.aws.m.upbound.io_accesspolicyassociations.yaml"
  "aws-eks-addons:=provider-aws/eks.aws.m.upbound.io_addons.yaml"
  "aws-eks-clusterauths:=provider-aws/eks.aws.m.upbound.io_clusterauths.yaml"
  "aws-eks-clusters:=provider-aws/eks.aws.m.upbound.io_clusters.yaml"
  "aws-eks-nodegroups:=provider-aws/eks.aws.m.upbound.io_nodegroups.yaml"
  "aws-eks-podidentityassociations:=provider-aws/eks.aws.m.upbound.io_podidentityassociations.yaml"
  "aws-elasticache-replicationgroups:=provider-aws/elasticache.aws.m.upbound.io_replicationgroups.yaml"
  "aws-elasticache-subnetgroups:=provider-aws/elasticache.aws.m.upbound.io_subnetgroups.yaml"
  "aws-iam-openidconnectproviders:=provider-aws/iam.aws.m.upbound.io_openidconnectproviders.yaml"
  "aws-iam-policies:=provider-aws/iam.aws.m.upbound.io_policies.yaml"
  "aws-iam-rolepolicyattachments:=provider-aws/iam.aws.m.upbound.io_rolepolicyattachments.yaml"
  "aws-iam-roles:=provider-aws/iam.aws.m.upbound.io_roles.yaml"
  "aws-rds-clusterinstances:=provider-aws/rds.aws.m.upbound.io_clusterinstances.yaml"
  "aws-rds-instances:=provider-aws/rds.aws.m.upbound.io_instances.yaml"
  "aws-rds-parametergroups:=provider-aws/rds.aws.m.upbound.io_parametergroups.yaml"
  "aws-rds-subnetgroups:=provider-aws/rds.aws.m.upbound.io_subnetgroups.yaml"
  "aws-s3-bucketcorsconfigurations:=provider-aws/s3.aws.m.upbound.io_bucketcorsconfigurations.yaml"
  "aws-s3-bucketownershipcontrols:=provider-aws/s3.aws.m.upbound.io_bucketownershipcontrols.yaml"
  "aws-s3-bucketpolicies:=provider-aws/s3.aws.m.upbound.io_bucketpolicies.yaml"
  "aws-s3-bucketpublicaccessblocks:=provider-aws/s3.aws.m.upbound.io_bucketpublicaccessblocks.yaml"
  "aws-s3-buckets:=provider-aws/s3.aws.m.upbound.io_buckets.yaml"
  "aws-s3-bucketserversideencryptionconfigurations:=provider-aws/s3.aws.m.upbound.io_bucketserversideencryptionconfigurations.yaml"
  "aws-s3-bucketversionings:=provider-aws/s3.aws.m.upbound.io_bucketversionings.yaml"
  "aws-secretsmanager-secrets:=provider-aws/secretsmanager.aws.m.upbound.io_secrets.yaml"
  "aws-secretsmanager-secretversions:=provider-aws/secretsmanager.aws.m.upbound.io_secretversions.yaml"
  "crossplane-xrd:=crossplane/apiextensions.crossplane.io_compositeresourcedefinitions.yaml"
  "crossplane-composition:=crossplane/apiextensions.crossplane.io_compositions.yaml"
  "crossplane-mrap:=crossplane/apiextensions.crossplane.io_managedresourceactivationpolicies.yaml"
  "crossplane-provider:=crossplane/pkg.crossplane.io_providers.yaml"
  "crossplane-function:=crossplane/pkg.crossplane.io_functions.yaml"
  "crossplane-runtimeconfig:=crossplane/pkg.crossplane.io_deploymentruntimeconfigs.yaml"
  "crossplane-usage:=crossplane/protection.crossplane.io_usages.yaml"
  "crossplane-pt-resources:=crossplane/pt.fn.crossplane.io_resources.yaml"
  "kubernetes-clusterproviderconfig:=provider-kubernetes/kubernetes.m.crossplane.io_clusterproviderconfigs.yaml"
  "argocd-applicationset:=argo-cd/applicationset-crd.yaml"
)

rm -rf imports
K8S_DEFINITIONS="$CRD_DIR/kubernetes/v${K8S_VERSION}-_definitions.json" \
  node -r ./scripts/local-k8s-schema.cjs ../node_modules/.bin/cdk8s import "k8s@${K8S_VERSION}" \
  --language typescript --output imports --no-save
for spec in "${CRDS[@]}"; do
  name="${spec%%:=*}"
  file="${spec#*:=}"
  npx cdk8s import "${name}:=${CRD_DIR}/${file}" --language typescript --output imports --no-save
done
