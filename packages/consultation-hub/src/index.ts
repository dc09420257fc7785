/**
 * @civic-widgets/consultation-hub — `<civic-consultation-hub>`. Importing this module defines
 * no tags; import `@civic-widgets/consultation-hub/define` to register them.
 */
export { CivicConsultationHub } from './consultation-hub.js';
export { CivicAlertsSubscribeEvent, type CivicAlertsSubscribeDetail } from './events/alerts-subscribe.js';
export { arrange, matches, facets, fold, groupOf, consultationLink, type Facet, type Filters, type Group } from './catalogue.js';
