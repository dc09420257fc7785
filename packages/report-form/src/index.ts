export { CivicReportForm } from './report-form.js';
export { CivicSubmitEvent } from './events/submit.js';
export { CivicSubmittedEvent } from './events/submitted.js';
export type { Answers, ChosenPlace, UploadedPhoto } from './flow.js';
