import { Writable } from 'node:stream';
import { baseConfigSchema, createService, parseConfig, type Service, type ServiceOptions } from '../src';

/** Collects pino's JSON lines. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() !== '') this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    callback();
  }

  withRequestId(id: string): Record<string, unknown>[] {
    return this.lines.filter((line) => line.requestId === id);
  }
}

export interface Running {
  service: Service;
  url: string;
  adminUrl: string | undefined;
  logs: LogCapture;
  stop(): Promise<void>;
}

/** A real kit service on 127.0.0.1, port 0, with `setup` adding its routes before it listens. */
export async function startService(
  env: Record<string, string> = {},
  setup: (service: Service) => void = () => {},
  options: Pick<ServiceOptions, 'errorMappers'> = {},
): Promise<Running> {
  const config = parseConfig(baseConfigSchema, { HOST: '127.0.0.1', PORT: '0', ADMIN_PORT: '0', ...env });
  const logs = new LogCapture();
  const service = createService({ name: 'kit-test', config, logDestination: logs, ...options });
  setup(service);
  const { port, adminPort } = await service.listen();
  return {
    service,
    url: `http://127.0.0.1:${port}`,
    adminUrl: adminPort === undefined ? undefined : `http://127.0.0.1:${adminPort}`,
    logs,
    stop: async () => {
      await service.shutdown();
    },
  };
}

export async function problemOf(response: Response): Promise<Record<string, unknown>> {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as Record<string, unknown>;
}
