// What a bundler (vite, and our CDN build) must emit next to the map chunk: MapLibre's worker as
// its own same-origin file (strict CSP: `worker-src` falls back to `script-src 'self'`) and its
// CSS as a string, adopted into the shadow root so nothing is added to the page's styles.
// Loaded only by dynamic import, together with map-view.ts. Tools that cannot read `?url` /
// `?inline` (e.g. @web/test-runner) pass the element's `mapAssets` property instead.
export { default as workerUrl } from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
export { default as css } from 'maplibre-gl/dist/maplibre-gl.css?inline';
