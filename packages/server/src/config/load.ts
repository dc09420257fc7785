import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { councilConfigSchema, type CouncilConfig, type CouncilConfigData, type CouncilConfigInput } from './schema.ts';

export type { CouncilConfig } from './schema.ts';


export const demoConfigPath = fileURLToPath(new URL('../../demo/council.json', import.meta.url));

/** Thrown at start-up with every problem found, each naming the key ("services[2].team: …"). */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid council config (${source}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function keyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}

/**
 * zod's issues as lines that name the key ("services[2].team: …"), under `prefix` when the
 * checked value sits inside a larger file (demo-reports.ts checks one report at a time).
 */
export function describeIssues(issues: z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): string[] {
  return issues.map((issue) => {
    const path = keyPath([...prefix, ...issue.path]);
    return issue.code === 'unrecognized_keys' ? `${path}: unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}` : `${path}: ${issue.message}`;
  });
}

/** Rules zod cannot see: references between parts of the file. */
function crossCheck(config: CouncilConfigData, baseDir: string): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  config.services.forEach((service, i) => {
    const at = `services[${i}]`;
    if (codes.has(service.service_code)) problems.push(`${at}.service_code: "${service.service_code}" is used twice`);
    codes.add(service.service_code);
    if (!config.teams[service.team]) {
      problems.push(`${at}.team: no team "${service.team}" in "teams" (have: ${Object.keys(config.teams).join(', ')})`);
    }
    const seen = new Map<string, (typeof service.attributes)[number]>();
    service.attributes.forEach((attribute, j) => {
      const where = `${at}.attributes[${j}]`;
      if (seen.has(attribute.code)) problems.push(`${where}.code: "${attribute.code}" is used twice in this service`);
      const cond = attribute.show_when;
      if (cond) {
        const target = seen.get(cond.code);
        if (!target) problems.push(`${where}.show_when.code: "${cond.code}" must be an earlier question of this service`);
        else if (target.values) {
          const keys = new Set(target.values.map((v) => v.key));
          for (const value of cond.values) {
            if (!keys.has(value)) problems.push(`${where}.show_when.values: "${value}" is not a value of "${cond.code}"`);
          }
        }
      }
      seen.set(attribute.code, attribute);
    });
    service.parish_routing?.when.forEach((cond, j) => {
      const target = seen.get(cond.code);
      if (!target) problems.push(`${at}.parish_routing.when[${j}].code: no question "${cond.code}" in this service`);
    });
    if (service.parish_routing && !config.geo?.parishes) {
      problems.push(`${at}.parish_routing: needs "geo.parishes" (parish boundaries) to find the parish`);
    }
  });
  config.asset_layers.forEach((layer, i) => {
    for (const code of layer.services) {
      const service = config.services.find((s) => s.service_code === code);
      if (!service) problems.push(`asset_layers[${i}].services: no service "${code}"`);
      else if (!service.attributes.some((a) => a.code === layer.attribute)) {
        problems.push(`asset_layers[${i}].attribute: service "${code}" has no question "${layer.attribute}" for the asset's id`);
      }
    }
    if (layer.file && !existsSync(resolve(baseDir, layer.file))) problems.push(`asset_layers[${i}].file: file not found: ${resolve(baseDir, layer.file)}`);
  });
  if (config.geo) {
    for (const key of ['boundary', 'parishes'] as const) {
      const file = config.geo[key];
      if (file && !existsSync(resolve(baseDir, file))) problems.push(`geo.${key}: file not found: ${resolve(baseDir, file)}`);
    }
  }
  return problems;
}

/** Validates a config object; relative paths resolve against `baseDir`. */
export function parseConfig(input: unknown, source = '(inline config)', baseDir = process.cwd()): CouncilConfig {
  const result = councilConfigSchema.safeParse(input);
  if (!result.success) throw new ConfigError(source, describeIssues(result.error.issues));
  const data = result.data;
  const problems = crossCheck(data, baseDir);
  if (problems.length) throw new ConfigError(source, problems);
  const geo = data.geo && {
    boundary: resolve(baseDir, data.geo.boundary),
    parishes: data.geo.parishes ? resolve(baseDir, data.geo.parishes) : undefined,
  };
  const asset_layers = data.asset_layers.map((layer) => (layer.file ? { ...layer, file: resolve(baseDir, layer.file) } : layer));
  return { ...data, geo, asset_layers, source: source.startsWith('(') ? null : source };
}

/** Reads and validates a council config file (the demo council when no path is given). */
export function loadConfig(path = demoConfigPath): CouncilConfig {
  const absolute = isAbsolute(path) ? path : resolve(process.cwd(), path);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ConfigError(absolute, [`cannot read the file: ${(error as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(absolute, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseConfig(json, absolute, dirname(absolute));
}

export type { CouncilConfigInput };
