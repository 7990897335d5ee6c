export { startStack, UPLOAD_BUCKET, type Stack, type StackHandles, type StackUrls } from './stack';
export { stackOptionsSchema, optionsFromEnv, type StackOptions } from './options';
// Re-exported for bench and lab, which start extra replicas next to the stack.
export { startNodeService, type NodeServiceHandle, type NodeServiceOptions } from '@eks-sre-lab/harness';
export { securityHeaders, startWebServer, type WebServerHandle } from './web-server';
