/**
 * The pages after "What do you want to report?", in a chunk of their own: downloaded as soon as
 * the resident chooses a category (or a draft brings them back past it), so the first load is
 * only what the first page needs. The check, "waiting" and confirmation pages are in it too:
 * it is fetched long before the resident could be offline on them.
 *
 * These pages draw core's fields (text inputs, radios, checkboxes, select, textarea, date), so
 * this module registers them: the first page needs only the error summary (define.ts), and the
 * fields' code is not part of the form's first load.
 */
import '@civic-widgets/core/define';

export { renderQuestion, renderDescription } from './questions.js';
export { renderWhere } from './where.js';
export { renderDuplicates, renderExisting } from './already-reported.js';
export { PhotoUploads, renderPhotos } from './photos.js';
export { renderAbout } from './about.js';
export { renderCheck } from './check.js';
export { renderStopped } from './stopped.js';
// What only a sent report needs: its Open311 request, and a refusal's words.
export { toRequest } from '../request.js';
export { refusalErrors, refusalsFor } from '../refusals.js';
