import type { Preview } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { useLocale } from '@civic-widgets/core';
import { demoBackend } from '../stories/backend/demo-backend.ts';
import { DEMO_BACKEND, DEMO_FONTS } from '../stories/backend/urls.ts';

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
