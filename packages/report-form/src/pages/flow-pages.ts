/**
 * The pages after the category's questions, in a chunk of their own: downloaded as soon as the
 * resident chooses a category, once a page with `service-code` has drawn its first question, or
 * at once when a draft brings them back past it; so the first load is only what the first page
 * needs. The check, "waiting" and confirmation pages are in it too: it is fetched long before
 * the resident could be offline on them.
 *
 * These pages draw core's fields (text inputs, radios, checkboxes, select, textarea, date), so
 * this module registers them: the first page needs only the error summary (define.ts), and the
 * fields' code is not part of the form's first load. (The question pages, drawn by the element,
 * download the fields alone: chunks.ts.)
 */
import '@civic-widgets/core/define';

export { renderWhere } from './where.js';
export { renderDuplicates, renderExisting } from './already-reported.js';
export { PhotoUploads, renderPhotos } from './photos.js';
export { renderAbout } from './about.js';
export { renderCheck } from './check.js';
export { renderStopped } from './stopped.js';
// What only a sent report needs: its Open311 request, and a refusal's words.
export { toRequest } from '../request.js';
export { refusalErrors, refusalsFor } from '../refusals.js';
