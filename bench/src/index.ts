export { parseOptions, type BenchOptions } from './options';
export { chooseGenerator, type LoadGenerator, type LoadResult, type LoadSpec } from './load/index';
