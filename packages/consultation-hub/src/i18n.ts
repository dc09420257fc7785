import { registerTranslations } from '@civic-widgets/core';

// The hub's Welsh strings, merged with core's when the page switches to Welsh.
registerTranslations('cy', () => import('./locales/cy.js'));
