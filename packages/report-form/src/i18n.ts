import { registerTranslations } from '@civic-widgets/core';

registerTranslations('cy', () => import('./locales/cy.js'));
