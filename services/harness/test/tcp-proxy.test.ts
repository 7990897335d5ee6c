import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { freePort, startTcpProxy, type TcpProxyHandle, waitUntil } from '../src';

/** An echo server on a free loopback port. */
async function startEcho(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => {
      sockets.forEach((s) => s.destroy());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Writes `payload` and resolves once the same number of bytes came back. */
function echoRoundTrip(socket: net.Socket, payload: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received >= payload.length) {
        socket.off('data', onData);
        resolve(Buffer.concat(chunks));
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(payload);
  });
}

describe('startTcpProxy', () => {
  let echo: Awaited<ReturnType<typeof startEcho>>;
  let proxy: TcpProxyHandle;

  beforeAll(async () => {
    echo = await startEcho();
    proxy = await startTcpProxy({ targetPort: echo.port });
  });

  afterAll(async () => {
    await proxy?.stop();
    await echo?.close();
  });

  it('forwards bytes both ways, in order', async () => {
    expect(proxy.port).not.toBe(echo.port);
    const socket = await connect(proxy.port);
    const payload = Buffer.from(Array.from({ length: 256 * 1024 }, (_, i) => i % 256));
    expect((await echoRoundTrip(socket, payload)).equals(payload)).toBe(true);
    expect(proxy.connectionCount()).toBe(1);
    socket.destroy();
  });

  it('delays forwarded data by the configured latency in each direction', async () => {
    const socket = await connect(proxy.port);
    proxy.setLatency(100);
    try {
      const started = performance.now();
      const reply = await echoRoundTrip(socket, Buffer.from('ping'));
      const elapsed = performance.now() - started;
      expect(reply.toString()).toBe('ping');
      expect(elapsed).toBeGreaterThanOrEqual(200); // 100 ms there + 100 ms back
    } finally {
      proxy.setLatency(0);
      socket.destroy();
    }
    expect(() => proxy.setLatency(-1)).toThrow(RangeError);
  });

  it('resets open connections and refuses new ones while down, then recovers', async () => {
    const open = await connect(proxy.port);
    const closed = new Promise<void>((resolve) => open.once('close', () => resolve()));
    open.on('error', () => undefined);
    await proxy.setDown(true);
    await closed;
    expect(open.destroyed).toBe(true);
    await expect(connect(proxy.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    await proxy.setDown(false);
    const again = await connect(proxy.port);
    expect((await echoRoundTrip(again, Buffer.from('back'))).toString()).toBe('back');
    again.destroy();
  });

  it('counts every accepted connection, also when the target refuses it', async () => {
    const closedPort = await freePort(); // nothing listens there
    const dead = await startTcpProxy({ targetPort: closedPort });
    try {
      for (let i = 0; i < 3; i++) {
        const socket = await connect(dead.port);
        await new Promise((resolve) => socket.once('close', resolve)); // the proxy resets it
      }
      expect(dead.acceptedCount()).toBe(3);
      await waitUntil(async () => dead.connectionCount() === 0, { what: 'the refused pairs to be dropped' });
      await dead.setDown(true);
      await expect(connect(dead.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      expect(dead.acceptedCount()).toBe(3);
    } finally {
      await dead.stop();
    }
  });
});
