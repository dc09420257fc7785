/** Where stories find the demo council's backend (stories/backend), on Storybook's own origin. */
export const DEMO_BACKEND = new URL('demo-backend', document.baseURI).href;
/** Open311 endpoint of the demo backend, for `endpoint` attributes. */
export const DEMO_OPEN311 = `${DEMO_BACKEND}/open311/v2`;
/** The demo's map glyphs, served as files by Storybook (.storybook/main.ts staticDirs). */
export const DEMO_FONTS = new URL('demo-backend-fonts', document.baseURI).href;

/**
 * GETs JSON from the demo backend, for a story's `loaders` (they run after the project's loader
 * has started the mock, so the answer is the mock's, built from the demo data).
 */
export async function demoJson<T>(path: string): Promise<T> {
  const response = await fetch(`${DEMO_BACKEND}${path}`);
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} from the demo backend`);
  return (await response.json()) as T;
}
