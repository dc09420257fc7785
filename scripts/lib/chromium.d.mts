/** The Chromium binary for browser tests: CHROME_PATH, else a common install; throws with what to do. */
export function chromiumPath(): string;
/** Flags that keep a headless Chromium quiet and offline, with software WebGL for the map. */
export const chromiumArgs: string[];
