/**
 * @jest-environment node
 */
// The image's nginx config, run by Debian's nginx: `nginx -t`, then real requests for caching, the SPA
// fallback, security headers, gzip and unbuffered /api proxying. (.ci/run installs nginx-light.)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
const CONF_DIR = path.resolve(__dirname, '../nginx');

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Renders the image's template the way the entrypoint does, with paths moved into a temp prefix. */
function renderConfig(dir: string, port: number, upstream: string): string {
  const server = fs
    .readFileSync(path.join(CONF_DIR, 'default.conf.template'), 'utf8')
    .replaceAll('${API_UPSTREAM}', upstream)
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
    .replaceAll('/etc/nginx/snippets/security-headers.conf', path.join(CONF_DIR, 'security-headers.conf'))
    .replace('root /usr/share/nginx/html;', `root ${dir}/html;`);
  fs.writeFileSync(path.join(dir, 'default.conf'), server);
  const main = `pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  include ${dir}/default.conf;
}`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), main);
  return path.join(dir, 'nginx.conf');
}

describe('nginx config of the frontend image', () => {
  let dir: string;
  let conf: string;
  let base: string;
  let nginx: ChildProcess;
  let gateway: http.Server;
  let endStream: (() => void) | undefined;

  beforeAll(async () => {
    if (!NGINX) throw new Error('nginx is not installed: apt-get install nginx-light (as .ci/run does)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-test-'));
    fs.chmodSync(dir, 0o755); // workers run unprivileged when the master is root (as in CI)
    fs.mkdirSync(path.join(dir, 'html/assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'html/index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(
      path.join(dir, 'html/assets/app-1a2b.js'),
      `console.log(${'"compress me ",'.repeat(500)});`,
    );

    gateway = http.createServer((req, res) => {
      if (req.url === '/api/events') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        res.write('data: {"eventId":"e1"}\n\n');
        endStream = () => res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ url: req.url, requestId: req.headers['x-request-id'] ?? null }));
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const upstream = `127.0.0.1:${(gateway.address() as AddressInfo).port}`;
    const port = await freePort();
    conf = renderConfig(dir, port, upstream);
    base = `http://127.0.0.1:${port}`;

    nginx = spawn(NGINX, ['-p', dir, '-c', conf, '-e', `${dir}/error.log`, '-g', 'daemon off;'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100; i += 1) {
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await sleep(50);
    }
    throw new Error(`nginx did not start: ${fs.readFileSync(`${dir}/error.log`, 'utf8')}`);
  });

  afterAll(async () => {
    endStream?.();
    if (nginx && nginx.exitCode === null) {
      const exited = once(nginx, 'exit');
      nginx.kill('SIGTERM');
      await exited;
    }
    gateway?.closeAllConnections();
    await new Promise((resolve) => gateway?.close(resolve));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('passes nginx -t', () => {
    const result = spawnSync(NGINX!, ['-t', '-p', dir, '-c', conf, '-e', `${dir}/error.log`], {
      encoding: 'utf8',
    });
    expect(result.stderr).toContain('syntax is ok');
    expect(result.status).toBe(0);
  });

  it('serves index.html with no-cache and security headers, also for client-side routes', async () => {
    for (const route of ['/', '/products/42', '/status']) {
      const res = await fetch(`${base}${route}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('caches hashed assets for a year, keeps the security headers and gzips them', async () => {
    const res = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(`${base}/assets/app-1a2b.js`, { headers: { 'Accept-Encoding': 'gzip' } }, resolve),
    );
    res.resume();
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect((await fetch(`${base}/assets/missing-0000.js`)).status).toBe(404);
  });

  it('proxies /api to the gateway with a request id', async () => {
    const res = await fetch(`${base}/api/products?limit=3`);
    expect(await res.json()).toEqual({
      url: '/api/products?limit=3',
      requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it('streams /api/events unbuffered', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events`, { signal: controller.signal });
    const first = await res.body!.getReader().read(); // arrives while the upstream stream is still open
    expect(Buffer.from(first.value!).toString()).toContain('"eventId":"e1"');
    controller.abort();
  });
});
