import { registerTranslations } from './localization.js';
import { templates } from '../locales/cy.js';

// Core's own strings (field messages, the error summary) ride in the shared chunk with the code
// that speaks them, not in a file of their own: 0.7 kB gzipped on every first load, and a Welsh
// page's first screen then needs one Welsh file (its widget's), not two. Over HTTP/1.1 a browser
// sends six requests to a host at once, and a Welsh report form's first screen needed eight: its
// code then came a round trip late (issue #18). Each widget package registers its own, lazily.
registerTranslations('cy', () => Promise.resolve({ templates }));
