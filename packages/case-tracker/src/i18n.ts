import { registerTranslations } from '@civic-widgets/core';

// The tracker's own strings; core merges them with every other package's on a language switch.
registerTranslations('cy', () => import('./locales/cy.js'));
