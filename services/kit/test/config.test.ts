import { z } from 'zod';
import { baseConfigSchema, ConfigError, parseConfig } from '../src';
import { spawnFixture } from './child';

jest.setTimeout(30_000);

test('defaults follow the README table', () => {
  expect(parseConfig(baseConfigSchema, {})).toEqual({
    HOST: '0.0.0.0',
    PORT: 8080,
    LOG_LEVEL: 'info',
    SHUTDOWN_DRAIN_MS: 10000,
    READINESS_TIMEOUT_MS: 2000,
    FAULT_LATENCY_MS: 0,
    FAULT_ERROR_RATE: 0,
    FAULT_ERROR_STATUS: 500,
    FAULT_ROUTES: '*',
    FAULT_READINESS_FAIL: false,
    FAULT_ADMIN_ENABLED: false,
    ADMIN_PORT: 9091,
  });
});

test('values are coerced from strings', () => {
  const config = parseConfig(baseConfigSchema, {
    PORT: '3000',
    FAULT_ADMIN_ENABLED: 'true',
    FAULT_ERROR_RATE: '0.5',
  });
  expect(config).toMatchObject({ PORT: 3000, FAULT_ADMIN_ENABLED: true, FAULT_ERROR_RATE: 0.5 });
});

test('parseConfig throws ConfigError with one problem per bad or missing variable', () => {
  const schema = baseConfigSchema.extend({ DATABASE_URL: z.url() });
  let error: unknown;
  try {
    parseConfig(schema, { PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: '' });
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const problems = (error as ConfigError).problems;
  expect(problems).toHaveLength(3);
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^PORT: /),
      expect.stringMatching(/^LOG_LEVEL: /),
      'DATABASE_URL: missing (required)',
    ]),
  );
});

test('a service with bad or missing variables prints one line per problem and exits non-zero', async () => {
  const child = spawnFixture({ PORT: '99999', REQUIRED_SECRET: '', FAULT_ERROR_RATE: 'lots' });
  const code = await child.exited;
  expect(code).not.toBe(0);
  const lines = child.stderr.trim().split('\n');
  expect(lines).toHaveLength(3);
  expect(lines).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^config error: PORT: /),
      expect.stringMatching(/^config error: FAULT_ERROR_RATE: /),
      'config error: REQUIRED_SECRET: missing (required)',
    ]),
  );
  expect(child.lines.some((line) => line.msg === 'fixture listening')).toBe(false);
});
