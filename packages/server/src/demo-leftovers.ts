import { readFileSync } from 'node:fs';
import { demoConfigPath, type CouncilConfig } from './config/index.ts';

/** The demo council's settings that must not reach a council's server (packages/server/demo/council.json). */
interface DemoSettings {
  keys: { public: { key: string }[]; staff: { key: string }[] };
  tracking_url?: string;
  consultations?: { page_url?: string };
  widgets?: { tracker_url?: string };
}

const local = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/i;

/**
 * What a council.json written from the demo's still carries of it, named so production mode can
 * refuse to start (modes.ts): each would otherwise work, silently. The demo's keys are published
 * with this software, so anyone could post staff updates with them; origins on localhost let any
 * page served on a machine of the reader's own post as the council's site; and the demo's links
 * (the tracker, a consultation's page) point at pages of the demo site, which a council's server
 * does not have (residents would follow them to a 404). Origins on localhost are allowed when the
 * server itself runs on localhost (a trial on a laptop).
 */
export function demoLeftovers(config: CouncilConfig, publicUrl: string): string[] {
  const demo = JSON.parse(readFileSync(demoConfigPath, 'utf8')) as DemoSettings;
  const problems: string[] = [];
  const demoKeys = new Set([...demo.keys.public, ...demo.keys.staff].map((k) => k.key));
  for (const kind of ['public', 'staff'] as const) {
    config.keys[kind].forEach((k, i) => {
      if (demoKeys.has(k.key)) {
        problems.push(`keys.${kind}[${i}] ("${k.name}") is the demo's key, published with this software: anyone could use it. Make one of your own, for example with: openssl rand -hex 24`);
      }
    });
  }
  if (!local.test(publicUrl)) {
    const origins = [...config.cors.origins.map((o) => ['cors.origins', o]), ...config.keys.public.flatMap((k, i) => (k.origins ?? []).map((o) => [`keys.public[${i}].origins`, o]))];
    for (const [where, origin] of origins) {
      if (local.test(origin!)) problems.push(`${where} has "${origin}": a page on anyone's own machine could post as the council's site. List only the council's own websites`);
    }
  }
  const links: [string, string | undefined, string | undefined, string][] = [
    ['widgets.tracker_url', config.widgets?.tracker_url, demo.widgets?.tracker_url, 'https://www.larkmead.gov.uk/track-a-report?ref={id}'],
    ['consultations.page_url', (config.consultations as { page_url?: string } | undefined)?.page_url, demo.consultations?.page_url, 'https://www.larkmead.gov.uk/have-your-say/{id}'],
    ['tracking_url', config.tracking_url, demo.tracking_url, 'https://www.larkmead.gov.uk/track-a-report?ref={id}'],
  ];
  for (const [name, value, demoValue, example] of links) {
    if (value && value === demoValue) problems.push(`${name} is the demo's "${value}", a page of the demo site: set the address of the council's own page, like ${example}`);
  }
  return problems;
}
