import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DownstreamHttpError, HttpClient } from '../../src/downstream/http-client';

// A real loopback server with the answers the gateway's client must handle.
let server: Server;
let client: HttpClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/chunked') {
      res.setHeader('Content-Type', 'application/json');
      res.write('{"parts":');
      setTimeout(() => res.end('[1,2,3]}'), 20); // a second chunk, later
    } else if (req.url === '/unavailable') {
      res.writeHead(503, { 'Content-Type': 'application/problem+json', 'RETRY-AFTER': '9' });
      res.end('{"detail":"db down"}');
    } else if (req.url === '/echo') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => res.end(JSON.stringify({ type: req.headers['content-type'], body })));
    }
    // '/hang' never answers
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new HttpClient('test', `http://127.0.0.1:${port}`, {
    connections: 4,
    keepAliveMs: 1_000,
    socketTimeoutMs: 5_000,
  });
});

afterAll(async () => {
  await client.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('HttpClient (undici dispatch, buffered)', () => {
  it('joins a body sent in several chunks and reads the content type', async () => {
    const response = await client.send({ method: 'GET', path: '/chunked' });
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('application/json');
    expect(JSON.parse(response.body.toString('utf8'))).toEqual({ parts: [1, 2, 3] });
  });

  it('sends a JSON body', async () => {
    const response = await client.send({ method: 'POST', path: '/echo', body: { a: 1 } });
    expect(JSON.parse(response.body.toString('utf8'))).toEqual({ type: 'application/json', body: '{"a":1}' });
  });

  it('rejects a 5xx with the answer, Retry-After included (header names in any case)', async () => {
    const error = await client.send({ method: 'GET', path: '/unavailable' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownstreamHttpError);
    const { response } = error as DownstreamHttpError;
    expect(response).toMatchObject({ status: 503, contentType: 'application/problem+json', retryAfter: '9' });
    expect(response.body.toString('utf8')).toBe('{"detail":"db down"}');
  });

  it('aborts a call that outlives timeoutMs', async () => {
    const error = await client
      .send({ method: 'GET', path: '/hang', timeoutMs: 100 })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
  });
});
