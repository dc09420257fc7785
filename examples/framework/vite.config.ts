import { defineConfig } from 'vite';

// A plain app build: the widgets come from the npm packages (workspace links here), bundled with
// the app like any other dependency; MapLibre's worker becomes a file of its own.
export default defineConfig({
  base: '/examples/framework/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  optimizeDeps: { exclude: ['maplibre-gl'] },
});
