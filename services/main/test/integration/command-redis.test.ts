// The gateway's Redis command connection fails fast and never runs a failed command later: an idempotency
// key claimed by a command that "failed" while Redis was away would stay pending with nobody to finish it.
import { Redis } from 'ioredis';
import { startRedis, type RedisHandle } from '@eks-sre-lab/harness';
import { createCommandRedis, redisConnected } from '../../src/redis';

jest.setTimeout(30_000);

let redis: RedisHandle;
let client: Redis | undefined;

beforeAll(async () => {
  redis = await startRedis();
});

afterEach(() => {
  client?.disconnect();
  client = undefined;
});

afterAll(async () => {
  await redis?.stop();
});

it('rejects commands at once while Redis is down, and none of them runs once it is back', async () => {
  await redis.stop();
  client = createCommandRedis(redis.url);
  client.on('error', () => undefined); // connection refused, as expected, until Redis is back

  await expect(client.set('main:idem:while-down', 'pending', 'EX', 60, 'NX')).rejects.toThrow(
    /enableOfflineQueue/,
  );
  await redis.start(); // while the client is still reconnecting: a queued SET would run right now
  expect(await redisConnected(client, 10_000)).toBe(true);

  const probe = new Redis(redis.url);
  try {
    expect(await probe.exists('main:idem:while-down')).toBe(0);
    expect(await client.set('main:idem:after', 'pending', 'EX', 60, 'NX')).toBe('OK'); // and it works again
    expect(await probe.exists('main:idem:after')).toBe(1);
  } finally {
    probe.disconnect();
  }
});

it('redisConnected gives up after its bound when Redis does not answer', async () => {
  await redis.stop();
  client = createCommandRedis(redis.url);
  client.on('error', () => undefined);
  expect(await redisConnected(client, 300)).toBe(false);
  await redis.start();
  expect(await redisConnected(client, 10_000)).toBe(true);
});
