/**
 * @civic-widgets/consultation — `<civic-consultation>`. Importing this module defines no tags;
 * import `@civic-widgets/consultation/define` to register them.
 */
export { CivicConsultation } from './consultation.js';
export { CivicConsultationRanking } from './ranking.js';
export { CivicConsultationPageChangeEvent, type CivicConsultationPageChangeDetail } from './events/page-change.js';
export { CivicConsultationSubmittedEvent, type CivicConsultationSubmittedDetail } from './events/submitted.js';
export { holds, visibility, isAnswered, formatResumeCode, normaliseResumeCode, type Visibility } from './model.js';
