import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { onProcessExit } from './cleanup';
import { freePort } from './ports';

export interface S3Options {
  /** Fixed port; default: a free loopback port. */
  port?: number;
  /** Buckets to create before the server answers. */
  buckets?: string[];
  /** Print one line per request (default: silent). */
  verbose?: boolean;
}

export interface S3Handle {
  /** http://127.0.0.1:PORT — use path-style addressing (`forcePathStyle: true`). */
  endpoint: string;
  port: number;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Temp dir holding the buckets and objects. */
  dir: string;
  /** Creates a bucket (no error when it exists). */
  createBucket(name: string): Promise<void>;
  /** Closes the server and removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

/** The configuration @aws-sdk/client-s3 (v3) needs to talk to this server. */
export interface S3ClientConfig {
  endpoint: string;
  region: string;
  forcePathStyle: true;
  credentials: { accessKeyId: string; secretAccessKey: string };
  requestChecksumCalculation: 'WHEN_REQUIRED';
  responseChecksumValidation: 'WHEN_REQUIRED';
}

const HOST = '127.0.0.1';
// s3rver's built-in account: it verifies SigV4 signatures against this key pair.
const ACCESS_KEY = 'S3RVER';

/**
 * Client settings for `new S3Client(s3ClientConfig(s3))`. The checksum settings matter: SDK v3 since
 * early 2025 adds CRC32 checksums and aws-chunked bodies by default, which s3rver does not understand.
 */
export function s3ClientConfig(
  handle: Pick<S3Handle, 'endpoint' | 'region' | 'accessKeyId' | 'secretAccessKey'>,
): S3ClientConfig {
  return {
    endpoint: handle.endpoint,
    region: handle.region,
    forcePathStyle: true,
    credentials: { accessKeyId: handle.accessKeyId, secretAccessKey: handle.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

/**
 * s3rver stores aws-chunked bodies (SDK default for streamed uploads) verbatim, framing included:
 * answer those with a clear S3 error instead of silently corrupting the object.
 */
function rejectsChunkedUpload(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const sha = String(req.headers['x-amz-content-sha256'] ?? '');
  const encoding = String(req.headers['content-encoding'] ?? '');
  if (!sha.startsWith('STREAMING-') && !encoding.includes('aws-chunked')) return false;
  const message =
    "aws-chunked uploads are not supported by the local S3 server: create the S3Client with requestChecksumCalculation: 'WHEN_REQUIRED' (see s3ClientConfig)";
  res.writeHead(400, { 'content-type': 'application/xml' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NotImplemented</Code><Message>${message}</Message></Error>`,
  );
  req.resume();
  return true;
}

/** Anonymous path-style PUT /<bucket> (s3rver accepts unsigned requests). */
function putBucket(port: number, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: HOST, port, method: 'PUT', path: `/${encodeURIComponent(name)}` },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve()
            : reject(new Error(`create bucket ${name}: HTTP ${res.statusCode}`)),
        );
      },
    );
    req.once('error', reject);
    req.end();
  });
}

/** Starts s3rver (a real S3-compatible HTTP server storing objects on disk) in this process. */
export async function startS3(options: S3Options = {}): Promise<S3Handle> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-s3-'));
  const unregister = onProcessExit(() => fs.rmSync(dir, { recursive: true, force: true }));
  const port = options.port ?? (await freePort());
  const server = new S3rver({
    address: HOST,
    port,
    directory: dir,
    silent: !options.verbose,
    vhostBuckets: false,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name, configs: [] })),
  });
  await server.configureBuckets();
  const handler = server.callback();
  const httpServer = http.createServer((req, res) => rejectsChunkedUpload(req, res) || handler(req, res));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, HOST, resolve);
  });
  let stopped = false;
  return {
    endpoint: `http://${HOST}:${port}`,
    port,
    region: 'us-east-1',
    accessKeyId: ACCESS_KEY,
    secretAccessKey: ACCESS_KEY,
    dir,
    createBucket: (name) => putBucket(port, name),
    async stop() {
      if (stopped) return;
      stopped = true;
      unregister();
      httpServer.closeAllConnections();
      await new Promise((resolve) => httpServer.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
