// Public surface of the generator for scripts and other workspaces.
export { generateTree } from './generate';
export { outputs } from './outputs';
export { resolveConfig, LabConfigError, type ResolvedConfig } from './config/load';
export { labConfig } from './config/lab.config';
export type { OutputModule } from './core/registry';
export type { OutputFile } from './core/files';
