import net from 'node:net';
import { startRedis, type RedisHandle } from '../src';
import { ping } from '../src/redis';

/** Sends raw RESP commands and resolves with the first reply. */
function send(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' }, () => socket.write(command));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString());
    });
    socket.once('error', reject);
  });
}

describe('startRedis', () => {
  let redis: RedisHandle;

  beforeAll(async () => {
    redis = await startRedis();
  });

  afterAll(async () => {
    await redis?.stop();
  });

  it('round-trips a value', async () => {
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await send(redis.port, 'SET greeting hello\r\n')).toBe('+OK\r\n');
    expect(await send(redis.port, 'GET greeting\r\n')).toBe('$5\r\nhello\r\n');
  });

  it('stops and starts again on the same port', async () => {
    const port = redis.port;
    await redis.stop();
    expect(await ping(port)).toBe(false);
    await redis.start();
    expect(redis.port).toBe(port);
    expect(await ping(port)).toBe(true);
    // No persistence: the restarted server is empty.
    expect(await send(port, 'GET greeting\r\n')).toBe('$-1\r\n');
  });

  it('is the server the global setup exported as REDIS_URL', async () => {
    const url = new URL(process.env.REDIS_URL ?? 'missing:');
    expect(url.hostname).toBe('127.0.0.1');
    expect(await ping(Number(url.port))).toBe(true);
  });
});
