import { registerTranslations } from './localization.js';

// Core's own strings (field messages, error summary). Each widget package registers its own.
registerTranslations('cy', () => import('../locales/cy.js'));
