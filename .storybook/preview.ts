import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { useLocale } from '@civic-widgets/core';
import { demoBackend } from '../stories/backend/demo-backend.ts';
import { DEMO_BACKEND, DEMO_FONTS } from '../stories/backend/urls.ts';

// Each package's Custom Elements Manifest (`pnpm manifest`, which `pnpm storybook` and `pnpm test`
// run first) gives every docs page the element's attributes, properties, events, slots, parts
// and CSS properties, and the Playground stories their controls.
// Only the public API is listed: private fields and methods are how an element works, not what a
// page can set.
interface Member {
  privacy?: string;
  static?: boolean;
  description?: string;
}
interface Module {
  declarations?: Array<{ members?: Member[] }>;
}
const manifests = import.meta.glob<{ modules: Module[] }>('../packages/*/custom-elements.json', { eager: true, import: 'default' });
const publicOnly = (module: Module): Module => ({
  ...module,
  declarations: module.declarations?.map((d) => ({
    ...d,
    members: d.members?.filter((m) => !m.static && (m.privacy ?? 'public') === 'public' && !/@internal/.test(m.description ?? '')),
  })),
});
setCustomElementsManifest({ schemaVersion: '2.1.0', readme: '', modules: Object.values(manifests).flatMap((m) => m.modules.map(publicOnly)) });

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language the widgets speak',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'cy', title: 'Cymraeg' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  // The demo council's backend, answered in the browser by a service worker (stories/backend):
  // stories use the real widgets against the real contract and data, with no server running.
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker(...demoBackend({ base: DEMO_BACKEND, fontsUrl: DEMO_FONTS }));
      await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: './mockServiceWorker.js' } });
      return worker;
    }),
  ],
  decorators: [
    (story, context) => {
      const locale = context.globals.locale === 'cy' ? 'cy' : 'en';
      document.documentElement.lang = locale;
      void useLocale(locale);
      return story();
    },
  ],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};
export default preview;
