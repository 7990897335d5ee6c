export { parseOptions, type BenchOptions } from './options.js';
export { chooseGenerator, type LoadGenerator, type LoadResult, type LoadSpec } from './load/index.js';
