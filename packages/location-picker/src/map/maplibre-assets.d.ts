export { default as workerUrl } from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
export { default as css } from 'maplibre-gl/dist/maplibre-gl.css?inline';
