export { loadConfig, parseConfig, ConfigError, demoConfigPath, type CouncilConfig } from './load.ts';
export * from './schema.ts';
