import path from 'node:path';
import fs from 'node:fs';
import { ensureBuilt, repoRoot, startNodeService, type NodeServiceHandle } from '../src';

const entry = path.join(__dirname, 'fixtures/tiny-server.js');

async function getJson(url: string): Promise<{ pid: number; greeting: string | null }> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return (await res.json()) as { pid: number; greeting: string | null };
}

describe('startNodeService', () => {
  let svc: NodeServiceHandle;

  beforeAll(async () => {
    svc = await startNodeService({ name: 'tiny', entry, env: { GREETING: 'hi', READY_AFTER_MS: '300' } });
  });

  afterAll(async () => {
    await svc?.stop();
  });

  it('resolves once the readiness path answers 200, with env and PORT passed', async () => {
    expect(svc.url).toBe(`http://127.0.0.1:${svc.port}`);
    expect((await fetch(`${svc.url}/readyz`)).status).toBe(200); // not 503: start() waited
    expect(await getJson(`${svc.url}/hello`)).toEqual({ pid: svc.pid, greeting: 'hi' });
    expect(svc.logs).toContain(`listening on ${svc.port}`);
  });

  it('kill() ends the process, restart() brings it back on the same port', async () => {
    const { pid, port } = svc;
    expect(await svc.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    await expect(fetch(`${svc.url}/hello`)).rejects.toThrow();
    await svc.restart();
    expect(svc.port).toBe(port);
    expect(svc.pid).not.toBe(pid);
    expect((await getJson(`${svc.url}/hello`)).pid).toBe(svc.pid);
  });

  it('onLine receives each output line as it arrives', async () => {
    const lines: string[] = [];
    const other = await startNodeService({ name: 'tiny-lines', entry, onLine: (line) => lines.push(line) });
    await other.stop();
    expect(lines).toEqual(expect.arrayContaining([`listening on ${other.port}`, 'SIGTERM: shutting down']));
    expect(lines).toEqual(other.logs.filter((line) => line !== ''));
  });

  it('stop() sends SIGTERM and waitExit() reports the clean exit', async () => {
    const other = await startNodeService({ name: 'tiny-term', entry });
    const exit = other.waitExit();
    expect(await other.stop()).toEqual({ code: 0, signal: null });
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(other.logs).toContain('SIGTERM: shutting down');
  });

  it('stop() falls back to SIGKILL after the grace', async () => {
    const stubborn = await startNodeService({
      name: 'stubborn',
      entry,
      env: { IGNORE_SIGTERM: '1' },
      stopGraceMs: 300,
    });
    expect(await stubborn.stop()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(stubborn.logs).toContain('ignoring SIGTERM');
  });

  it('rejects with the last log lines when the process exits before it is ready', async () => {
    await expect(
      startNodeService({ name: 'crashy', entry, env: { CRASH_ON_START: 'bad config' } }),
    ).rejects.toThrow(/crashy exited before it was ready[\s\S]*boom: bad config/);
  });

  it('rejects on timeout when never ready, and kills the process', async () => {
    await expect(
      startNodeService({ name: 'slow', entry, env: { READY_AFTER_MS: '60000' }, timeoutMs: 500 }),
    ).rejects.toThrow(/timed out after 500 ms waiting for slow[\s\S]*listening on/);
  });
});

describe('repoRoot', () => {
  it('finds the workspace root that ensureBuilt() runs tsc -b in', () => {
    const root = repoRoot();
    expect(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces).toContain(
      'services/harness',
    );
  });
});

describe('ensureBuilt', () => {
  it('builds the named projects (here the harness itself) so their dist entries exist', async () => {
    const built = ensureBuilt(['services/harness']);
    expect(ensureBuilt(['services/harness'])).toBe(built); // once per process
    await built;
    expect(fs.existsSync(path.join(repoRoot(), 'services/harness/dist/src/index.js'))).toBe(true);
  });

  it('rejects with the compiler output when a project does not exist', async () => {
    await expect(ensureBuilt(['services/no-such-workspace'])).rejects.toThrow(
      /tsc -b services\/no-such-workspace failed/,
    );
  });
});
