import { defineConfig, type UserConfig } from 'vite';

/**
 * The npm build of one package: ESM, its `index` (classes, no side effects) and `define`
 * (registers the tags) entries, with lit, core and other widgets left as imports so an app's
 * bundler shares one copy of each. Types come from `tsc -p tsconfig.build.json`.
 */
export function libraryConfig(entries: Record<string, string> = {}): UserConfig {
  return defineConfig({
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      lib: { entry: { index: 'src/index.ts', define: 'src/define.ts', ...entries }, formats: ['es'] },
      rolldownOptions: {
        // @open-wc/testing: a peer of core's test suites (`testing` entry), never bundled.
        external: [/^lit($|\/)/, /^@lit\//, /^@civic-widgets\//, /^maplibre-gl($|\/)/, /^@open-wc\//],
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  });
}
