import { registerTranslations } from '@civic-widgets/core';

// The picker's own Welsh strings, merged with core's when the page speaks Welsh.
registerTranslations('cy', () => import('./locales/cy.js'));
