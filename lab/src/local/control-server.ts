// The lab's control API on loopback: the CLI in another terminal talks to the `lab up` process, which
// holds the stack's processes. JSON in and out; errors as { error } with a 4xx/5xx status.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { ACTIONS, SERVICES, TARGETS, type ServiceName } from './operations';
import { LabError, type LabState, type ScenarioRunner } from './runner';

export interface ControlServer {
  url: string;
  close(): Promise<void>;
}

type Handler = (match: RegExpMatchArray) => Promise<unknown>;

export async function startControlServer(
  runner: ScenarioRunner,
  info: { adminPorts: Record<ServiceName, number> },
): Promise<ControlServer> {
  const { stack, ops } = runner.ctx;
  const routes: [string, RegExp, Handler][] = [
    [
      'GET',
      /^\/state$/,
      async (): Promise<LabState> => ({
        active: runner.current,
        urls: stack.urls,
        adminPorts: info.adminPorts,
      }),
    ],
    ['POST', /^\/scenarios\/([\w-]+)\/start$/, (m) => runner.start(m[1]!)],
    ['POST', /^\/scenarios\/([\w-]+)\/verify$/, (m) => runner.verify(m[1]!)],
    ['POST', /^\/scenarios\/([\w-]+)\/reset$/, (m) => runner.reset(m[1]!)],
    ['GET', /^\/releases\/(\w+)$/, async (m) => ops.history(z.enum(SERVICES).parse(m[1]))],
    [
      'POST',
      /^\/rollback\/(\w+)$/,
      async (m) => ({ message: await ops.rollback(z.enum(SERVICES).parse(m[1])) }),
    ],
    [
      'POST',
      /^\/ops\/(\w+)\/(\w+)$/,
      async (m) => ({ message: await ops.run(z.enum(TARGETS).parse(m[1]), z.enum(ACTIONS).parse(m[2])) }),
    ],
  ];

  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const path = new URL(req.url ?? '/', 'http://lab').pathname;
    for (const [method, pattern, handler] of routes) {
      const match = path.match(pattern);
      if (!match || method !== req.method) continue;
      handler(match).then(
        (body) => reply(200, body),
        (error: unknown) => {
          if (error instanceof z.ZodError) return reply(400, { error: z.prettifyError(error) });
          const status = error instanceof LabError ? error.status : 500;
          reply(status, { error: error instanceof Error ? error.message : String(error) });
        },
      );
      return;
    }
    reply(404, { error: `no ${req.method} ${path}` });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
