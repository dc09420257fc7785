import { defineConfig } from 'vite';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { createRequire } from 'node:module';
import { minifyCssTemplates } from './scripts/lib/minify-css.mjs';

/*
 * The CDN build: one entry per widget, so a webmaster pastes a single
 * `<script type="module" src=".../report-form.js">`. Entries share chunks, so two widgets on
 * one page load lit and core once; maplibre stays its own chunk, fetched only when a map is
 * shown. Chunks are content-hashed; entry names are stable within a version and pinned by
 * the SRI hashes written to dist/cdn/sri.json (printed in docs/webmasters.md).
 */
const widgets = ['location-picker', 'report-form', 'case-tracker', 'consultation', 'consultation-hub'];
const entries = Object.fromEntries(
  [
    ['core', 'packages/core/src/define.ts'],
    ...widgets.map((name) => [name, `packages/${name}/src/define.ts`]),
  ].filter(([, path]) => existsSync(path)),
);

const sriManifest = {
  name: 'civic-sri-manifest',
  writeBundle(options: { dir?: string }) {
    const dir = options.dir ?? 'dist/cdn';
    const files: Record<string, string> = {};
    const walk = (folder: string, prefix = '') => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const relative = prefix + entry.name;
        if (entry.isDirectory()) walk(join(folder, entry.name), `${relative}/`);
        else if (/\.(js|css)$/.test(entry.name))
          files[relative] = `sha384-${createHash('sha384').update(readFileSync(join(folder, entry.name))).digest('base64')}`;
      }
    };
    walk(dir);
    writeFileSync(join(dir, 'sri.json'), `${JSON.stringify(files, null, 2)}\n`);
  },
};

/*
 * Library mode inlines every `?url` asset as a data: URL, so MapLibre's worker (~750 kB) would
 * ride inside its chunk and start from a blob that imports a data: URL, which a strict CSP
 * (script-src 'self') refuses. Emit the worker as its own file next to the chunks instead: same
 * origin as the widgets, so MapLibre loads it directly and worker-src 'self' is enough.
 */
const maplibreWorkerFile = {
  name: 'civic-maplibre-worker-file',
  enforce: 'pre' as const,
  resolveId(id: string) {
    return id.endsWith('maplibre-gl-worker.mjs?url') ? '\0civic-maplibre-worker-url' : null;
  },
  load(id: string) {
    if (id !== '\0civic-maplibre-worker-url') return null;
    const path = createRequire(join(process.cwd(), 'packages/location-picker/package.json')).resolve('maplibre-gl/dist/maplibre-gl-worker.mjs');
    const source = readFileSync(path);
    const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
    workerFile = `chunks/maplibre-gl-worker-${hash}.mjs`;
    workerSource = source;
    return 'export default new URL(/* @vite-ignore */ "__CIVIC_MAPLIBRE_WORKER__", import.meta.url).href;';
  },
  renderChunk(code: string, chunk: { fileName: string }) {
    if (!code.includes('__CIVIC_MAPLIBRE_WORKER__')) return null;
    const relative = posix.relative(posix.dirname(chunk.fileName), workerFile);
    return { code: code.replaceAll('__CIVIC_MAPLIBRE_WORKER__', relative.startsWith('.') ? relative : `./${relative}`), map: null };
  },
  generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: Buffer }): string }) {
    if (workerSource) this.emitFile({ type: 'asset', fileName: workerFile, source: workerSource });
  },
};
/*
 * lit's css`…` keeps a style's text as written (indentation, comments), and neither vite nor
 * rolldown minifies CSS inside JavaScript: every shadow root's styles shipped their whitespace.
 * Minify the static text of our own css`…` templates (line breaks kept, so source maps still
 * point at the right lines); scripts/minify-css.spec.ts shows what it changes.
 */
const minifyLitCss = {
  name: 'civic-minify-lit-css',
  transform(code: string, id: string) {
    if (!/[\\/]packages[\\/][^\\/]+[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
    const minified = minifyCssTemplates(code);
    return minified === code ? null : { code: minified, map: null };
  },
};
let workerFile = '';
let workerSource: Buffer | undefined;

/** core's sources, and the modules only its `define` entry (all the fields) needs. */
const coreSrc = String.raw`packages[\\/]core[\\/]src[\\/]`;
const litModules = String.raw`node_modules[\\/](\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(lit|lit-html|lit-element|@lit)[\\/](?!directives[\\/](repeat|style-map)\.js|async-directive\.js)`;
// Vite wraps each dynamic import in a helper module of its own; every widget's entry uses it.
// Left alone it would be one more file in every first round.
const viteDynamicImportHelper = String.raw`^\0vite[\/]preload-helper`;
const laterFields = String.raw`(define|form[\\/](textarea|date-input|date-parts|select|checkboxes|radios|choice-field|options))\.ts$`;

export default defineConfig({
  base: './',
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    manifest: 'manifest.json',
    // MapLibre (about 1 MB minified, 290 kB gzipped) is one chunk on purpose, loaded only when a
    // map is shown: warn about chunks bigger than it, not about it.
    chunkSizeWarningLimit: 1100,
    // No <link rel=modulepreload> injected into the host page's <head>: a widget touches
    // nothing of the page outside its own element.
    modulePreload: false,
    // Not library mode: it inlines every asset, and MapLibre's worker would become a data: URL
    // that a strict CSP must allow. As an app build with relative URLs the worker is its own
    // file, found next to the chunk that loads it (new URL(…, import.meta.url)).
    rolldownOptions: {
      input: entries,
      preserveEntrySignatures: 'exports-only',
      // The timings report is for tuning plugins; `pnpm start` and `pnpm test` print only problems.
      checks: { pluginTimings: false },
      output: {
        // Library mode keeps whitespace for readable npm output; a CDN file is minified fully.
        minify: true,
        // Named shared chunks: the page loads lit and core once whichever widgets it has, and
        // the size check can tell what each widget adds on top of them.
        codeSplitting: {
          groups: [
            // What every widget's first screen needs, in one file: lit (lit-html, lit-element,
            // @lit/localize, @lit/task), core's UI base (element, the text input, error summary,
            // styles, i18n with core's own Welsh strings, drafts, the question-page shell), the
            // backend transport (errors, http, idempotency keys) and Vite's dynamic-import helper. One file, not three: on HTTP/1.1 a browser opens six
            // connections to a host, and a page's first screen that needs seven requests waits a
            // second round trip for the seventh (issue #18). Not the lit directives only later
            // pages use (repeat; style-map and async-directive: the consultation's results), nor
            // the backend clients and the outbox, which travel with the widgets that call them.
            {
              name: 'core',
              test: new RegExp(
                `${litModules}|${coreSrc}(?!client[\\\\/](?!errors|http|idempotency)|controllers[\\\\/]outbox|${laterFields})|${viteDynamicImportHelper}`,
              ),
              priority: 10,
              minShareCount: 2,
            },
            // The other fields and their registration (core/define, the `core.js` entry): only
            // later pages draw them (the report form's pages chunk, the consultation's questions,
            // the tracker's forms, the picker's asset list), and each of those imports
            // core/define itself. Kept out of the shared chunk above so that a widget's first
            // load no longer carries every field (issue #20: sizes).
            { name: 'core-fields', test: new RegExp(`${coreSrc}${laterFields}`), priority: 5 },
          ],
        },
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  optimizeDeps: { exclude: ['maplibre-gl'] },
  plugins: [maplibreWorkerFile, minifyLitCss, sriManifest],
});
