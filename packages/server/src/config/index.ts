export { loadConfig, parseConfig, ConfigError, demoConfigPath, type CouncilConfig } from './load.ts';
export { councilName } from './council-name.ts';
export * from './schema.ts';
