import type { CouncilConfig } from './schema.ts';

/**
 * The council's name in a page's or an email's language: its Welsh name where one is configured
 * (a blank one counts as none), else the English, so a Welsh page never signs off with a gap.
 */
export function councilName(config: Pick<CouncilConfig, 'council'>, language: string | null | undefined): string {
  const { council } = config;
  return (language === 'cy' && council.cy?.name) || council.name;
}
