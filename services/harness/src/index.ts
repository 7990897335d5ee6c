// @eks-sre-lab/harness: real, throwaway data stores and processes on loopback (see README.md).
export { findBinary, MissingBinaryError, postgresBinDirs, type BinarySearch } from './binaries';
export { createDatabaseOn, testDatabase } from './database';
export { freePort, isListening } from './ports';
export { startPostgres, type PostgresHandle, type PostgresOptions } from './postgres';
export { startPostgresBehindProxy, type PostgresBehindProxy } from './postgres-behind-proxy';
export { startRedis, type RedisHandle, type RedisOptions } from './redis';
export { waitUntil, type WaitOptions } from './wait';
export { s3ClientConfig, startS3, type S3ClientConfig, type S3Handle, type S3Options } from './s3';
export { startTcpProxy, type TcpProxyHandle, type TcpProxyOptions } from './tcp-proxy';
export { ensureBuilt, repoRoot } from './build';
export {
  startNodeService,
  type ExitStatus,
  type NodeServiceHandle,
  type NodeServiceOptions,
} from './node-service';
