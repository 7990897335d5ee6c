/** Chart values most charts accept for a non-root, read-only, no-escalation pod (the policy suite's rules). */
export const hardenedChartDefaults = {
  podSecurityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  securityContext: {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
  },
} as const;

/** The restricted-profile container securityContext for our own Jobs and CronJobs. */
export const restrictedContainer = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
} as const;

/** `restrictedContainer` as a cdk8s SecurityContext (mutable arrays), running as `uid`. */
export const restrictedSecurityContext = (uid: number) => ({
  ...restrictedContainer,
  capabilities: { drop: [...restrictedContainer.capabilities.drop] },
  runAsUser: uid,
});
