import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { StaticDir } from '../http/static-dirs.ts';

/** Where this server serves the widgets' files for the consultation preview, when it has them. */
export const WIDGETS_PREFIX = '/staff/widgets/';

/**
 * The widgets' files the back office's consultation preview runs (`consultation.js` and its
 * chunks): a folder of the CDN build given as `widgetsDir` (or CIVIC_WIDGETS_DIR), else the
 * @civic-widgets/cdn package installed beside the server (`npm install @civic-widgets/cdn`).
 * Null when there is none: the preview then says how to add them, rather than showing a blank page.
 */
export function widgetFiles(dir: string | undefined): StaticDir | null {
  const root = dir ?? installedCdnPackage();
  if (!root || !existsSync(join(root, 'consultation.js'))) return null;
  return { prefix: WIDGETS_PREFIX, root, immutable: /[\\/]chunks[\\/]/ };
}

function installedCdnPackage(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('@civic-widgets/cdn/package.json'));
  } catch {
    return undefined;
  }
}
