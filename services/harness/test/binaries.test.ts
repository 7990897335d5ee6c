import path from 'node:path';
import { findBinary, MissingBinaryError, startPostgres, startRedis } from '../src';

describe('missing binaries', () => {
  const nowhere = { path: '', extraDirs: [] };

  it('startPostgres names the Debian package to install', async () => {
    await expect(startPostgres({ search: nowhere })).rejects.toThrow(
      /initdb not found.*apt-get install -y postgresql-15/,
    );
  });

  it('startRedis names the Debian package to install', async () => {
    await expect(startRedis({ search: nowhere })).rejects.toThrow(
      /redis-server not found.*apt-get install -y redis-server/,
    );
  });

  it('findBinary throws a typed error and finds binaries on the given path', () => {
    expect(() => findBinary('no-such-binary-xyz', 'some-package', nowhere)).toThrow(MissingBinaryError);
    expect(findBinary('node', 'nodejs', { path: path.dirname(process.execPath) })).toBe(process.execPath);
  });
});
