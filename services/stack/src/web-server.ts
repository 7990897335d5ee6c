// The browser-facing server of the local stack, doing what nginx does in the image: built static files
// (long cache for hashed assets, no-cache for index.html, SPA fallback), /api streamed to the gateway
// (no buffering, so server-sent events flow), and the same security headers.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { repoRoot } from '@eks-sre-lab/harness';

export interface WebServerOptions {
  root: string;
  apiUrl: string;
  host: string;
  port: number;
}

export interface WebServerHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const HEADERS_CONF = path.join(repoRoot(__dirname), 'services/frontend/nginx/security-headers.conf');

/** The image's security headers, read from its nginx snippet so the local stack sends exactly the same. */
export function securityHeaders(conf = HEADERS_CONF): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const match of fs.readFileSync(conf, 'utf8').matchAll(/^add_header\s+(\S+)\s+"([^"]*)"/gm)) {
    headers[match[1]!] = match[2]!;
  }
  return headers;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServerHandle> {
  const root = path.resolve(options.root);
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) {
    throw new Error(`no built frontend at ${root}: run \`npm run build:frontend\` first`);
  }
  const api = new URL(options.apiUrl);
  const headers = securityHeaders();
  const agent = new http.Agent({ keepAlive: true });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return proxy(req, res);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    serveStatic(url.pathname, req, res);
  });
  server.requestTimeout = 0; // SSE streams through here stay open

  function proxy(req: http.IncomingMessage, res: http.ServerResponse): void {
    const upstream = http.request(
      {
        host: api.hostname,
        port: api.port,
        method: req.method,
        path: req.url,
        agent,
        headers: {
          ...req.headers,
          host: req.headers.host ?? api.host,
          'x-forwarded-for': req.socket.remoteAddress ?? '',
          'x-forwarded-proto': 'http',
        },
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        res.flushHeaders();
        upstreamRes.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { 'Content-Type': 'application/problem+json' });
      res.end(
        JSON.stringify({
          type: 'about:blank',
          title: 'Bad Gateway',
          status: 502,
          detail: 'the API is unreachable',
        }),
      );
    });
    res.on('close', () => upstream.destroy()); // browser left (e.g. closed the event stream)
    req.pipe(upstream);
  }

  function serveStatic(pathname: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    let file = path.join(root, decodeURIComponent(pathname));
    if (!file.startsWith(root + path.sep) && file !== root) {
      res.writeHead(400).end();
      return;
    }
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      if (pathname.startsWith('/assets/')) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      file = index; // SPA fallback: client-side routes
      stat = fs.statSync(file);
    }
    const hashed = pathname.startsWith('/assets/');
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    port,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
