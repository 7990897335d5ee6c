// Dependency-free constants shared with the GitOps generator (probes, scrape config, ports), so the
// manifests and the services cannot drift apart. Keep this file free of imports.
export const kitEndpoints = { healthz: '/healthz', readyz: '/readyz', metrics: '/metrics' } as const;

export const defaultPorts = { http: 8080, admin: 9091 } as const;
