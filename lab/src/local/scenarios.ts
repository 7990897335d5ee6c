// Local scenarios: real faults on the stack `npm run lab -- up` runs — fault hooks through the kit's admin
// API, a stopped Redis, a lock held in PostgreSQL. The learner's fix is a real operator action.
import { Client } from 'pg';
import type { Stack } from '@eks-sre-lab/stack';
import type { ScenarioInfo } from '../catalogue-types';
import type { Operations } from './operations';

export interface LabContext {
  stack: Stack;
  ops: Operations;
}

export interface LocalScenario extends ScenarioInfo {
  target: 'local';
  inject(ctx: LabContext): Promise<void>;
  /** Undo what inject did, whatever the learner did meanwhile (the lab then clears every fault). */
  reset(ctx: LabContext): Promise<void>;
}

const SLO_CHECK =
  'every service ready with all dependencies up, 40 real requests through the gateway with errors < 1 % and p95 < 500 ms, every gateway breaker closed';

const badRelease: LocalScenario = {
  id: 'bad-release',
  title: 'A bad catalog release breaks the error-rate SLO',
  seed: 1,
  target: 'local',
  breaks: 'catalog v1.1.0 is deployed; it answers 40 % of product requests with 500',
  verifies: SLO_CHECK,
  hints: [
    'Which service answers 5xx? Compare http_requests_total{status_code="500"} on the gateway (`main`) and catalog /metrics (`npm run lab -- status` lists the URLs).',
    'catalog /metrics has fault_injections_total{kind="error"}, and its log says "fault injected". Something changed: `npm run lab -- ops releases catalog`.',
    'Roll the release back: `npm run lab -- ops rollback catalog`, then `npm run lab -- verify bad-release`.',
  ],
  async inject({ ops }) {
    await ops.deploy('catalog', 'v1.1.0', {
      errorRate: 0.4,
      errorStatus: 500,
      routes: ['/catalog/products', '/catalog/products/*'],
    });
  },
  async reset({ ops }) {
    await ops.rollback('catalog');
  },
};

const redisDown: LocalScenario = {
  id: 'redis-down',
  title: 'Redis is down: cache and sessions degraded',
  seed: 3,
  target: 'local',
  breaks: 'the Redis server stops; catalog runs without its cache, the gateway loses sessions',
  verifies: SLO_CHECK,
  hints: [
    'Look at readiness: `curl <catalog>/readyz` and `curl <main>/api/health` name the failing dependency.',
    '`redis-cli -u <redis url> ping` (URL from `npm run lab -- status`) does not answer: the server is gone.',
    'Start it again: `npm run lab -- ops start redis`; the services reconnect by themselves.',
  ],
  async inject({ ops }) {
    await ops.run('redis', 'stop');
  },
  async reset({ ops }) {
    await ops.run('redis', 'start');
  },
};

const slowDownstream: LocalScenario = {
  id: 'slow-downstream',
  title: 'A slow order service opens the gateway circuit breaker',
  seed: 3,
  target: 'local',
  breaks:
    'order answers order lookups 3 s late; the gateway times out (1.5 s in the lab) and opens its order breaker',
  verifies: SLO_CHECK,
  hints: [
    '`curl <main>/api/status`: which breaker is open, and what do its window stats say (timeouts)?',
    'order\'s /metrics shows fault_injections_total{kind="latency"}; its fault admin API (port in `npm run lab -- status`) shows the settings: `curl http://127.0.0.1:<order admin>/faults`.',
    'Clear the fault: `curl -X DELETE http://127.0.0.1:<order admin>/faults`. The breaker half-opens after its reset time and closes on the next good call; then verify.',
  ],
  async inject({ ops }) {
    await ops.admin.order.set({ latencyMs: 3_000, routes: ['/orders/*'] });
  },
  async reset({ ops }) {
    await ops.admin.order.clear();
  },
};

/** The "nightly report" session of db-lock; module state because the lab stack runs one scenario at a time. */
let lockHolder: Client | undefined;
export const LOCK_APPLICATION_NAME = 'nightly-report';

const dbLock: LocalScenario = {
  id: 'db-lock',
  title: 'A stuck batch job locks the orders table',
  seed: 3,
  target: 'local',
  breaks: `a session named "${LOCK_APPLICATION_NAME}" holds an ACCESS EXCLUSIVE lock on orders; every order query waits, the pool fills up`,
  verifies: SLO_CHECK,
  hints: [
    'The order process is alive, yet order lookups hang and the gateway times out. What is order waiting for?',
    'Ask PostgreSQL: `psql "<orders database url>" -c "SELECT pid, application_name, state, wait_event_type, left(query, 60) FROM pg_stat_activity WHERE datname = current_database()"` (URL from `npm run lab -- status`).',
    `Terminate the blocker: \`psql "<orders database url>" -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '${LOCK_APPLICATION_NAME}'"\`.`,
  ],
  async inject({ stack }) {
    const client = new Client({
      connectionString: stack.urls.databases.order,
      application_name: LOCK_APPLICATION_NAME,
    });
    client.on('error', () => undefined); // terminated by the learner: that is the fix
    await client.connect();
    await client.query('BEGIN');
    await client.query('LOCK TABLE orders IN ACCESS EXCLUSIVE MODE');
    lockHolder = client;
  },
  async reset() {
    const client = lockHolder;
    lockHolder = undefined;
    await client?.end().catch(() => undefined); // ending the session rolls the transaction back
  },
};

/** The leaked sessions of connection-leak. */
let leaked: Client[] = [];
export const LEAK_APPLICATION_NAME = 'report-exporter';

async function openLeak(url: string, count: number): Promise<void> {
  for (let opened = 0; opened < count; opened += 20) {
    const batch = Array.from({ length: Math.min(20, count - opened) }, () => {
      const client = new Client({ connectionString: url, application_name: LEAK_APPLICATION_NAME });
      client.on('error', () => undefined); // terminated by the learner: that is the fix
      leaked.push(client);
      return client.connect();
    });
    await Promise.all(batch);
  }
}

const connectionLeak: LocalScenario = {
  id: 'connection-leak',
  title: 'A leaking job eats the database connections',
  seed: 2,
  target: 'local',
  breaks: `a "${LEAK_APPLICATION_NAME}" job leaks connections until PostgreSQL has almost none left for the services' pools`,
  verifies: `${SLO_CHECK}, and PostgreSQL connections below 80 % of max_connections (the seed's database SLI)`,
  hints: [
    'The seed\'s fourth SLI is database connections < 80 %. How many does PostgreSQL have? `psql "<orders database url>" -c "SELECT count(*), current_setting(\'max_connections\') FROM pg_stat_activity"`.',
    'Group them: `SELECT application_name, state, count(*) FROM pg_stat_activity GROUP BY 1, 2 ORDER BY 3 DESC`.',
    `Terminate the leaked sessions: \`psql "<orders database url>" -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '${LEAK_APPLICATION_NAME}'"\`.`,
  ],
  async inject({ stack }) {
    const url = stack.urls.databases.order;
    const probe = new Client({ connectionString: url });
    await probe.connect();
    const { rows } = await probe.query<{ max: string; used: string; reserved: string }>(
      `SELECT current_setting('max_connections') AS max, current_setting('superuser_reserved_connections') AS reserved,
              (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend') AS used`,
    );
    await probe.end();
    const { max, used, reserved } = rows[0]!;
    // Leave the services two connections to grow their pools by: enough to limp, not to serve.
    await openLeak(url, Number(max) - Number(reserved) - Number(used) - 2);
  },
  async reset() {
    const clients = leaked;
    leaked = [];
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  },
};

export const LOCAL_SCENARIOS: LocalScenario[] = [
  badRelease,
  connectionLeak,
  redisDown,
  slowDownstream,
  dbLock,
];
