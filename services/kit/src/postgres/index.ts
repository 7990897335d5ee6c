// `@eks-sre-lab/kit/postgres`: node-postgres pool options shared by the services with a database (a
// subpath, so services without one do not load pg).
export { GuardedClient, poolClientOptions, utcTimestampTypes } from './pool-client';
