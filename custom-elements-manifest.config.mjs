// Custom Elements Manifest (https://custom-elements-manifest.open-wc.org/) for every package,
// from the JSDoc tags (@summary @tag @slot @event @csspart @cssprop) and Lit's decorators.
// `pnpm manifest` analyses all packages in one pass and writes one file per package,
// packages/<name>/custom-elements.json (what each package.json's "customElements" points at),
// with paths relative to the package, naming the published dist/*.js; no root file is kept.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

const packages = ['core', 'location-picker', 'report-form', 'case-tracker', 'consultation', 'consultation-hub'];

/** Splits the one manifest into a manifest per package. */
function perPackage() {
  return {
    name: 'civic-per-package-manifests',
    packageLinkPhase({ customElementsManifest }) {
      for (const name of packages) {
        const prefix = `packages/${name}/`;
        const modules = customElementsManifest.modules
          .filter((m) => m.path.startsWith(prefix))
          .map((m) =>
            JSON.parse(
              JSON.stringify(m)
                .replaceAll(`"${prefix}`, '"')
                .replaceAll(`"/${prefix}`, '"/')
                // Paths name the published JavaScript (dist/x.js), which is what a user's tools open.
                .replace(/"(\/?)src\/([^"]+)\.ts"/g, '"$1dist/$2.js"'),
            ),
          );
        if (!modules.length) continue;
        const manifest = { schemaVersion: customElementsManifest.schemaVersion, readme: '', modules };
        writeFileSync(`${prefix}custom-elements.json`, `${JSON.stringify(manifest, null, 2)}\n`);
      }
    },
  };
}

export default {
  globs: packages.map((name) => `packages/${name}/src/**/*.ts`),
  exclude: ['**/*.test.ts', '**/*.spec.ts', '**/*.stories.ts', '**/locales/**', '**/testing/**', '**/fixtures/**', '**/*.d.ts'],
  outdir: '.cem-tmp',
  litelement: true,
  dependencies: false,
  plugins: [
    perPackage(),
    {
      name: 'civic-no-root-manifest',
      packageLinkPhase() {
        // The analyzer writes outdir/custom-elements.json after this phase; it is a throwaway.
        mkdirSync('.cem-tmp', { recursive: true });
        process.on('exit', () => rmSync('.cem-tmp', { recursive: true, force: true }));
      },
    },
  ],
};
