import { startPostgres, type PostgresHandle } from './postgres';
import { startTcpProxy, type TcpProxyHandle } from './tcp-proxy';

export interface PostgresBehindProxy {
  /** The server itself: restart or stop it to test a real outage. */
  postgres: PostgresHandle;
  /** Between the service and the server: cut it to test a lost connection. */
  proxy: TcpProxyHandle;
  /** A fresh database on the server, reached through the proxy. */
  url: string;
  stop(): Promise<void>;
}

/** An own PostgreSQL (so a test may restart it) with one database reached through a TCP proxy. */
export async function startPostgresBehindProxy(databasePrefix: string): Promise<PostgresBehindProxy> {
  const postgres = await startPostgres();
  const proxy = await startTcpProxy({ targetPort: postgres.port });
  const url = new URL(await postgres.createDatabase(databasePrefix));
  url.port = String(proxy.port);
  return {
    postgres,
    proxy,
    url: url.toString(),
    async stop() {
      await proxy.stop();
      await postgres.stop();
    },
  };
}
