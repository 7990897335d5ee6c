import { connect } from 'node:net';
import { databaseOutage, isDatabaseConnectionError } from '../src';
import { problemOf, startService, type Running } from './helpers';

/** A pg-style error: a message plus the fields node-postgres sets. */
function pgError(message: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), fields);
}

/** TypeORM's QueryFailedError keeps the driver's error as `driverError`. */
function queryFailed(driverError: Error): Error {
  return Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError });
}

describe('isDatabaseConnectionError', () => {
  it.each([
    ['ECONNREFUSED', pgError('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' })],
    ['ECONNRESET', pgError('read ECONNRESET', { code: 'ECONNRESET' })],
    ['57P01 admin_shutdown', queryFailed(pgError('terminating connection', { code: '57P01' }))],
    ['57P02 crash_shutdown', pgError('terminating connection', { code: '57P02' })],
    ['57P03 cannot_connect_now', pgError('the database system is starting up', { code: '57P03' })],
    ['08006 connection_failure', pgError('connection failure', { code: '08006' })],
    ['Connection terminated', queryFailed(pgError('Connection terminated unexpectedly'))],
    ['pool timeout', pgError('timeout exceeded when trying to connect')],
    ['wrapped in cause', new Error('query failed', { cause: pgError('x', { code: 'ECONNREFUSED' }) })],
    ['AggregateError (IPv4 + IPv6)', new AggregateError([pgError('x', { code: 'ECONNREFUSED' })], 'connect')],
  ])('%s is a connection error', (_name, error) => {
    expect(isDatabaseConnectionError(error)).toBe(true);
  });

  it.each([
    ['unique violation', queryFailed(pgError('duplicate key', { code: '23505' }))],
    ['syntax error', pgError('syntax error at or near', { code: '42601' })],
    ['statement timeout', pgError('canceling statement due to statement timeout', { code: '57014' })],
    ['plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'ECONNREFUSED'],
    ['null', null],
  ])('%s is not', (_name, error) => {
    expect(isDatabaseConnectionError(error)).toBe(false);
  });
});

/** The error a real refused TCP connection raises (a port nothing listens on). */
function refusedConnection(port: number): Promise<Error> {
  return new Promise((resolve) => {
    connect(port, '127.0.0.1').on('error', resolve);
  });
}

describe('databaseOutage() registered as an error mapper', () => {
  let running: Running;
  let closedPort: number;

  beforeAll(async () => {
    const probe = await startService();
    closedPort = Number(new URL(probe.url).port);
    await probe.stop(); // nothing listens there any more
    running = await startService(
      {},
      ({ app }) => {
        app.get('/refused', async () => {
          throw await refusedConnection(closedPort);
        });
        app.get('/bug', () => {
          throw new Error('a bug, not an outage');
        });
      },
      { errorMappers: [databaseOutage({ dependency: 'postgres', retryAfterSeconds: 7 })] },
    );
  });

  afterAll(() => running.stop());

  it('answers a refused connection with 503 problem+json and Retry-After', async () => {
    const response = await fetch(`${running.url}/refused`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('7');
    const body = await problemOf(response);
    expect(body).toMatchObject({ status: 503, title: 'Service Unavailable', instance: '/refused' });
    expect(body.detail).toBe('postgres unavailable: connection lost, retry shortly');
  });

  it('leaves other errors to the 500 path', async () => {
    const response = await fetch(`${running.url}/bug`);
    expect(response.status).toBe(500);
    expect(response.headers.get('retry-after')).toBeNull();
    expect((await problemOf(response)).detail).toBe('internal error');
  });
});
