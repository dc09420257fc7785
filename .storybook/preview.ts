import type { Preview } from '@storybook/web-components-vite';
import { useLocale } from '@civic-widgets/core';

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
