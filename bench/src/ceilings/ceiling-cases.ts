import { serviceNodeFlags } from '@eks-sre-lab/kit/contract';
import type { BenchCase } from '../run/cases';
import { CEILING_BARE, CEILING_EXPRESS, KIT_HELLO } from '../report/floors';
import { startServer, type ServerProcess } from './start-server';

/** Both ceilings, each in its own process, as bench cases. */
export async function startCeilings(
  cpuList?: string,
): Promise<{ cases: BenchCase[]; stop(): Promise<void> }> {
  const bare = await startServer({ script: 'bare-http-server.js', cpuList });
  const express = await startServer({ script: 'express-hello-server.js', cpuList });
  // The ceilings run on Node's defaults; the kit reference with the services' node flags.
  const kit = await startServer({
    script: '../profile/kit-hello-server.js',
    nodeArgs: [...serviceNodeFlags],
    cpuList,
  });
  const asCase = (id: string, title: string, server: ServerProcess, note: string): BenchCase => ({
    id,
    title,
    note,
    spec: { url: `${server.url}/` },
    serverPids: () => [server.pid],
  });
  return {
    cases: [
      asCase(CEILING_BARE, 'ceiling: bare Node http', bare, '`http.createServer` answering `res.end(text)`.'),
      asCase(
        CEILING_EXPRESS,
        'ceiling: Express hello-world',
        express,
        "`app.get('/', (req, res) => res.send('Hello World!'))`, Express defaults (ETag, X-Powered-By).",
      ),
      {
        ...asCase(
          KIT_HELLO,
          'reference: kit service, in-memory JSON',
          kit,
          '`createService` from services/kit (request id, trace ids, helmet, metrics, access log) and one ' +
            "route answering a product-sized `res.json` from memory: the kit's cost without any data store. " +
            `Node flags as the services: \`${serviceNodeFlags.join(' ')}\`.`,
        ),
        spec: { url: `${kit.url}/hello/1` },
      },
    ],
    async stop() {
      await Promise.all([bare.stop(), express.stop(), kit.stop()]);
    },
  };
}
