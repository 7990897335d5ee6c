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
