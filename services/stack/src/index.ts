export { startStack, UPLOAD_BUCKET, type Stack, type StackHandles, type StackUrls } from './stack';
export { stackOptionsSchema, optionsFromEnv, type StackOptions } from './options';
export { startNodeService, type NodeServiceHandle, type NodeServiceOptions } from './node-service';
export { securityHeaders, startWebServer, type WebServerHandle } from './web-server';
