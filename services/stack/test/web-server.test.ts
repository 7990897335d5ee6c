import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { startWebServer, type WebServerHandle } from '../src/web-server';

describe('stack web server', () => {
  let root: string;
  let gateway: http.Server;
  let web: WebServerHandle;
  let endStream: (() => void) | undefined;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'web-test-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(root, 'assets/app-3f2a.js'), 'console.log(1)');
    // A real HTTP server standing in for the gateway: JSON, problem+json and an event stream.
    gateway = http.createServer((req, res) => {
      if (req.url === '/api/events') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        res.write('data: {"eventId":"1"}\n\n');
        endStream = () => res.end();
        return;
      }
      if (req.method === 'POST') {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          res.writeHead(201, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ echoed: body, key: req.headers['idempotency-key'] }));
        });
        return;
      }
      res.writeHead(404, { 'Content-Type': 'application/problem+json' });
      res.end(JSON.stringify({ title: 'Not Found', status: 404, path: req.url }));
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
    web = await startWebServer({ root, apiUrl, host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    endStream?.();
    await web.stop();
    gateway.closeAllConnections();
    await new Promise((resolve) => gateway.close(resolve));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html uncached with security headers, and for client-side routes', async () => {
    for (const route of ['/', '/products/7', '/status']) {
      const res = await fetch(`${web.url}${route}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    }
  });

  it('caches hashed assets for a year and 404s missing ones instead of falling back', async () => {
    const asset = await fetch(`${web.url}/assets/app-3f2a.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${web.url}/assets/gone-1234.js`)).status).toBe(404);
  });

  it('keeps requests inside the web root', async () => {
    const encoded = await fetch(`${web.url}/..%2f..%2f..%2fetc%2fpasswd`); // survives URL normalisation
    expect(encoded.status).toBe(400);
    const dotted = await fetch(`${web.url}/%2e%2e/%2e%2e/etc/passwd`); // normalised to /etc/passwd
    expect(await dotted.text()).not.toContain('root:');
  });

  it('proxies /api with method, body, headers and the upstream status', async () => {
    const created = await fetch(`${web.url}/api/orders`, {
      method: 'POST',
      headers: { 'Idempotency-Key': 'k-1', 'Content-Type': 'application/json' },
      body: '{"a":1}',
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ echoed: '{"a":1}', key: 'k-1' });
    const missing = await fetch(`${web.url}/api/nope?x=1`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(await missing.json()).toMatchObject({ path: '/api/nope?x=1' });
  });

  it('streams server-sent events without waiting for the response to end', async () => {
    const controller = new AbortController();
    const res = await fetch(`${web.url}/api/events`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const first = await reader.read(); // the upstream is still open: only unbuffered proxying gets here
    expect(Buffer.from(first.value!).toString()).toContain('"eventId":"1"');
    controller.abort();
  });

  it('answers 502 problem+json when the gateway is down', async () => {
    const down = await startWebServer({ root, apiUrl: 'http://127.0.0.1:1', host: '127.0.0.1', port: 0 });
    try {
      const res = await fetch(`${down.url}/api/products`);
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({ status: 502, title: 'Bad Gateway' });
    } finally {
      await down.stop();
    }
  });
});
