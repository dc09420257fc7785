/** @civic-widgets/case-tracker — defines nothing; import `@civic-widgets/case-tracker/define` for the tag. */
export { CivicCaseTracker } from './case-tracker.js';
export { CivicCaseLoadEvent, type CivicCaseLoadDetail } from './events/case-load.js';
export { CivicCaseSelectEvent } from './events/case-select.js';
export { CivicCaseSubscribeEvent } from './events/case-subscribe.js';
export {
  statusLabel,
  statusTone,
  defaultStatusLabel,
  isClosed,
  type StatusLabel,
  type StatusLabels,
  type StatusTone,
} from './status.js';
