import type { ResolvedConfig } from '../config/load';
import { GENERATED_HEADER, type OutputFile } from '../core/files';
import { labNamespace } from '../crossplane/registration';
import { LAB_LABEL } from '../crossplane/xr';

export const TEARDOWN_SCRIPT = 'clusters/management/teardown.sh';

/** Every lab XR kind, in the order they are deleted (the Usages hold the Network back until last anyway). */
const XR_KINDS = ['eksclusters', 'databases', 'caches', 'filesystems', 'buckets', 'registries', 'networks'];

/**
 * `bash clusters/management/teardown.sh <lab-id>`: stops Argo CD reconciling the lab, deletes the apps'
 * load balancers first (they hold security groups and ENIs that block VPC deletion), then the requests,
 * and lists any AWS resource still tagged with the lab.
 */
export function teardownScript(config: ResolvedConfig): OutputFile {
  const region = config.aws.region;
  const ns = labNamespace('$LAB');
  const content = `${GENERATED_HEADER}# Usage: bash ${TEARDOWN_SCRIPT} <lab-id>   (run against the management cluster's kube context)
set -euo pipefail
LAB="\${1:?usage: teardown.sh <lab-id>}"
MGMT="$(kubectl config current-context)"
export AWS_REGION="${region}"

echo "1/5 stop Argo CD re-creating what is deleted (management root and the lab's infra Application)"
for app in management "lab-$LAB-infra"; do
  kubectl -n argocd patch application "$app" --type merge -p '{"spec":{"syncPolicy":{"automated":null}}}' || true
done

echo "2/5 deregister the lab: Argo CD loses its cluster Secret and access entry, the lab Applications go"
kubectl delete labregistration "$LAB" --ignore-not-found --wait=true
kubectl -n argocd delete applications -l "${LAB_LABEL}=$LAB" --wait=true

echo "3/5 apps' load balancers first (the AWS Load Balancer Controller in the lab deletes the ALBs)"
aws eks update-kubeconfig --name "$LAB" --alias "$LAB" >/dev/null
kubectl --context "$LAB" delete ingress --all -A --wait=true
kubectl --context "$LAB" get svc -A -o jsonpath='{range .items[?(@.spec.type=="LoadBalancer")]}{.metadata.namespace}{" "}{.metadata.name}{"\\n"}{end}' |
  while read -r n s; do kubectl --context "$LAB" -n "$n" delete svc "$s" --wait=true; done
for _ in $(seq 60); do
  left="$(aws resourcegroupstaggingapi get-resources --resource-type-filters elasticloadbalancing:loadbalancer \\
    --tag-filters "Key=elbv2.k8s.aws/cluster,Values=$LAB" --query 'length(ResourceTagMappingList)' --output text)"
  [ "$left" = "0" ] && break
  echo "   waiting for $left load balancer(s)"; sleep 10
done
kubectl config use-context "$MGMT" >/dev/null

echo "4/5 delete the lab's AWS resources (Usages keep the Network until everything in it is gone)"
kubectl -n argocd delete application "lab-$LAB-infra" --ignore-not-found --wait=true
kubectl -n "${ns}" delete ${XR_KINDS.join(',')} --all --wait=true --timeout=60m
kubectl delete namespace "${ns}" --ignore-not-found --wait=true

echo "5/5 confirm: nothing tagged ${LAB_LABEL}=$LAB may be left (an empty list below)"
aws resourcegroupstaggingapi get-resources --tag-filters "Key=${LAB_LABEL},Values=$LAB" \\
  --query 'ResourceTagMappingList[].ResourceARN' --output text
echo "Remove the lab from management.labs in the config (or re-enable auto-sync on 'management' to re-create it)."
`;
  return { path: TEARDOWN_SCRIPT, content };
}
