import { register } from 'node:module';

// k6's globals, from the environment the test passes (as `k6 run -e` would).
globalThis.__ENV = JSON.parse(process.env.K6_TEST_ENV ?? '{}');
globalThis.__VU = 1;
globalThis.__ITER = 0;
register('./k6-stubs.mjs', import.meta.url);
