import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  // The mock backend's service worker (msw), and the demo's map glyphs it serves (stories/backend).
  staticDirs: ['./public', { from: '../packages/server/demo/geo/fonts', to: '/demo-backend-fonts' }],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(config) {
    // MapLibre runs its worker from its own module; see docs/developers.md.
    config.optimizeDeps = { ...config.optimizeDeps, exclude: [...(config.optimizeDeps?.exclude ?? []), 'maplibre-gl'] };
    return config;
  },
};
export default config;
