import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { s3ClientConfig, startS3, waitUntil, type S3Handle } from '@eks-sre-lab/harness';
import { openEventStream } from '../support/sse';
import { call, startGateway, type GatewayHandle } from '../support/gateway';

jest.setTimeout(30_000);

// No catalog or order here: these answers come from the gateway itself (validation, uploads, sessions).
const DEAD = 'http://127.0.0.1:9';
const MAX_BYTES = 4096;

let s3: S3Handle;
let gateway: GatewayHandle;
let s3Client: S3Client;

beforeAll(async () => {
  s3 = await startS3({ buckets: ['uploads'] });
  // The gateway's S3 client takes credentials from the SDK's default chain, as with IRSA in the cluster.
  process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey;
  gateway = await startGateway({
    CATALOG_URL: DEAD,
    ORDER_URL: DEAD,
    S3_ENDPOINT: s3.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    S3_CHECKSUM: 'WHEN_REQUIRED',
    AWS_REGION: s3.region,
    UPLOAD_MAX_BYTES: String(MAX_BYTES),
    UPLOAD_ALLOWED_TYPES: 'image/png,text/plain',
    SSE_HEARTBEAT_MS: '200',
  });
  s3Client = new S3Client(s3ClientConfig(s3));
});

afterAll(async () => {
  await gateway?.stop();
  s3Client?.destroy();
  await s3?.stop();
});

function upload(parts: { field?: string; name: string; type: string; data: Buffer | string }[]) {
  const form = new FormData();
  for (const part of parts) {
    form.append(part.field ?? 'file', new Blob([part.data], { type: part.type }), part.name);
  }
  return fetch(`${gateway.url}/api/upload`, { method: 'POST', body: form });
}

describe('POST /api/upload', () => {
  it('streams the file to S3 under a generated key, never the client file name', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(1000, 7)]);
    const res = await upload([{ name: '../../etc/passwd.png', type: 'image/png', data: png }]);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { key: string; size: number; bucket: string; contentType: string };
    expect(body).toMatchObject({ bucket: 'uploads', size: png.length, contentType: 'image/png' });
    expect(body.key).toMatch(/^uploads\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.png$/);
    expect(body.key).not.toContain('passwd');

    const object = await s3Client.send(new GetObjectCommand({ Bucket: 'uploads', Key: body.key }));
    expect(object.ContentType).toBe('image/png');
    expect(Buffer.from(await object.Body!.transformToByteArray())).toEqual(png);
  });

  it('answers 413 past the size limit and keeps nothing', async () => {
    const res = await upload([
      { name: 'big.txt', type: 'text/plain', data: Buffer.alloc(MAX_BYTES + 1, 65) },
    ]);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('accepts a file of exactly the limit', async () => {
    const res = await upload([{ name: 'edge.txt', type: 'text/plain', data: Buffer.alloc(MAX_BYTES, 66) }]);
    expect(res.status).toBe(201);
  });

  it('answers 415 for a type outside the allow-list and for a non-multipart body', async () => {
    const exe = await upload([{ name: 'x.exe', type: 'application/x-msdownload', data: 'MZ' }]);
    expect(exe.status).toBe(415);
    expect(exe.headers.get('content-type')).toContain('application/problem+json');
    const json = await call(`${gateway.url}/api/upload`, { method: 'POST', body: { file: 'x' } });
    expect(json.status).toBe(415);
  });
});

describe('GET /api/events', () => {
  it('relays orders.status to every client over one shared subscription, with heartbeats', async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    const subscribers = async () => ((await redis.pubsub('NUMSUB', 'orders.status')) as [string, number])[1];
    const [one, two] = [
      await openEventStream(`${gateway.url}/api/events`),
      await openEventStream(`${gateway.url}/api/events`),
    ];
    try {
      expect(await subscribers()).toBe(1);
      expect((await call(`${gateway.url}/api/status`)).body.eventClients).toBe(2);
      const event = {
        eventId: randomUUID(),
        orderId: 7,
        userId: 'ivan',
        from: 'pending',
        to: 'paid',
        at: new Date().toISOString(),
      };
      await redis.publish('orders.status', JSON.stringify(event));
      await redis.publish('orders.status', 'not json'); // skipped, the stream stays usable
      await waitUntil(
        async () =>
          one.events.length === 1 &&
          two.events.length === 1 &&
          one.comments.some((c) => c.startsWith('heartbeat')),
        { what: 'both clients got the event and a heartbeat', timeoutMs: 5_000 },
      );
      expect(one.events[0]).toEqual({ event: 'order-status', id: event.eventId, data: event });
      expect(two.events[0]).toEqual(one.events[0]);
    } finally {
      await one.close();
      await two.close();
    }
    await waitUntil(async () => (await subscribers()) === 0, { what: 'unsubscribed', timeoutMs: 5_000 });
    expect((await call(`${gateway.url}/api/status`)).body.eventClients).toBe(0);
    redis.disconnect();
  });
});

describe('GET /api/status route stats', () => {
  it('names failed requests by their full route template', async () => {
    // catalog is dead here: the request fails with 502 on the error path, where Express resets req.baseUrl
    expect((await call(`${gateway.url}/api/products/42`)).status).toBe(502);
    const routes = (await call(`${gateway.url}/api/status`)).body.routes as {
      route: string;
      errors?: number;
    }[];
    const names = routes.map((r) => r.route);
    expect(names).toContain('GET /api/products/:id');
    expect(names.filter((name) => !/^[A-Z]+ (\/api\/|unmatched)/.test(name))).toEqual([]);
  });
});

describe('sessions', () => {
  it('logs in, reads the session from Redis, and logs out', async () => {
    const anonymous = await call(`${gateway.url}/api/session`);
    expect(anonymous.body).toEqual({ authenticated: false });

    const login = await call(`${gateway.url}/api/session`, { method: 'POST', body: { userId: 'grace' } });
    expect(login.status).toBe(201);
    const setCookie = login.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^sid=.+HttpOnly/i);
    const cookie = setCookie.split(';')[0]!;

    const me = await call(`${gateway.url}/api/session`, { headers: { cookie } });
    expect(me.body).toEqual({ authenticated: true, userId: 'grace' });

    const logout = await call(`${gateway.url}/api/session`, { method: 'DELETE', headers: { cookie } });
    expect(logout.status).toBe(204);
    const after = await call(`${gateway.url}/api/session`, { headers: { cookie } });
    expect(after.body).toEqual({ authenticated: false });
  });

  it('ignores a forged session cookie', async () => {
    const res = await call(`${gateway.url}/api/session`, { headers: { cookie: 'sid=s%3Aforged.signature' } });
    expect(res.body).toEqual({ authenticated: false });
  });
});

describe('bad input → 4xx problem+json', () => {
  const item = { productId: 1, quantity: 1 };
  const order = { userId: 'u1', items: [item], shippingAddress: 'Seoul' };
  const post = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', body, headers });
  const cases: [
    string,
    number,
    string,
    { method?: string; body?: unknown; headers?: Record<string, string> },
  ][] = [
    ['malformed JSON', 400, '/api/orders', post('{"items": [', {})],
    ['body is an array', 400, '/api/orders', post([order])],
    ['items missing', 400, '/api/orders', post({ userId: 'u1', shippingAddress: 'Seoul' })],
    ['items empty', 400, '/api/orders', post({ ...order, items: [] })],
    ['items not an array', 400, '/api/orders', post({ ...order, items: 'all' })],
    [
      '51 items',
      400,
      '/api/orders',
      post({ ...order, items: Array.from({ length: 51 }, (_, i) => ({ productId: i + 1, quantity: 1 })) }),
    ],
    [
      'productId a string',
      400,
      '/api/orders',
      post({ ...order, items: [{ productId: 'one', quantity: 1 }] }),
    ],
    ['productId zero', 400, '/api/orders', post({ ...order, items: [{ productId: 0, quantity: 1 }] })],
    [
      'productId fractional',
      400,
      '/api/orders',
      post({ ...order, items: [{ productId: 1.5, quantity: 1 }] }),
    ],
    ['quantity zero', 400, '/api/orders', post({ ...order, items: [{ productId: 1, quantity: 0 }] })],
    ['quantity negative', 400, '/api/orders', post({ ...order, items: [{ productId: 1, quantity: -2 }] })],
    ['quantity too large', 400, '/api/orders', post({ ...order, items: [{ productId: 1, quantity: 1001 }] })],
    ['duplicate productId', 400, '/api/orders', post({ ...order, items: [item, item] })],
    ['unknown item field', 400, '/api/orders', post({ ...order, items: [{ ...item, unitPrice: '0.01' }] })],
    ['unknown order field', 400, '/api/orders', post({ ...order, totalAmount: '0.01' })],
    ['shippingAddress missing', 400, '/api/orders', post({ userId: 'u1', items: [item] })],
    ['shippingAddress blank', 400, '/api/orders', post({ ...order, shippingAddress: '   ' })],
    ['shippingAddress too long', 400, '/api/orders', post({ ...order, shippingAddress: 'x'.repeat(501) })],
    ['userId with spaces', 400, '/api/orders', post({ ...order, userId: 'bad user' })],
    ['userId missing, not logged in', 400, '/api/orders', post({ items: [item], shippingAddress: 'Seoul' })],
    ['Idempotency-Key too long', 400, '/api/orders', post(order, { 'idempotency-key': 'k'.repeat(256) })],
    [
      'Idempotency-Key with spaces',
      400,
      '/api/orders',
      post(order, { 'idempotency-key': 'has spaces in it' }),
    ],
    [
      'order as text/plain',
      415,
      '/api/orders',
      post(JSON.stringify(order), { 'content-type': 'text/plain' }),
    ],
    ['order id not a number', 400, '/api/orders/abc', {}],
    ['order id zero', 400, '/api/orders/0', {}],
    ['order list without userId', 400, '/api/orders', {}],
    ['order list limit 0', 400, '/api/orders?userId=u1&limit=0', {}],
    ['order list limit not a number', 400, '/api/orders?userId=u1&limit=ten', {}],
    ['login without userId', 400, '/api/session', post({})],
    ['login with blank userId', 400, '/api/session', post({ userId: '' })],
    ['login with unknown field', 400, '/api/session', post({ userId: 'u1', admin: true })],
    [
      'upload without a file',
      400,
      '/api/upload',
      post('x', { 'content-type': 'multipart/form-data; boundary=zz' }),
    ],
    ['upload without a boundary', 400, '/api/upload', post('x', { 'content-type': 'multipart/form-data' })],
    [
      'upload cut off before its closing boundary',
      400,
      '/api/upload',
      post(
        '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n' +
          'Content-Type: text/plain\r\n\r\nhello',
        { 'content-type': 'multipart/form-data; boundary=zz' },
      ),
    ],
    [
      'shippingAddress with a NUL character',
      400,
      '/api/orders',
      post({ ...order, shippingAddress: 'a\u0000b' }),
    ],
    ['product id with malformed percent-encoding', 400, '/api/products/%ff', {}],
    ['order id with malformed percent-encoding', 400, '/api/orders/%E0%A4%A', {}],
    ['unknown route', 404, '/api/nope', {}],
  ];

  it.each(cases)('%s → %d', async (_name, status, path, init) => {
    const res = await call(`${gateway.url}${path}`, init);
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  });
});
