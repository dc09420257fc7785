/**
 * @civic-widgets/core — what every Civic Widgets element is built from. Importing this module
 * defines no tags; import `@civic-widgets/core/define` for the field elements.
 */
export { CivicElement, defineElement } from './civic-element.js';
export * from './client/index.js';
export { WidgetConfigController, loadWidgetConfig, widgetConfigUrl, type WidgetConfig } from './config/widget-config.js';
export { CivicFormField } from './form/form-field.js';
export { CivicChoiceField } from './form/choice-field.js';
export { CivicTextInput } from './form/text-input.js';
export { CivicTextarea } from './form/textarea.js';
export { CivicRadios } from './form/radios.js';
export { CivicCheckboxes } from './form/checkboxes.js';
export { CivicSelect } from './form/select.js';
export { CivicDateInput } from './form/date-input.js';
export { CivicErrorSummary, validateFields, type FieldError } from './form/error-summary.js';
export type { FieldOption } from './form/options.js';
export * from './form/validators.js';
export { readDateParts, isoToParts, type DateParts, type DateReading } from './form/date-parts.js';
export { DraftStore, DraftController } from './controllers/draft-store.js';
export { OutboxController, OutboxStore, isPermanentFailure, type OutboxEntry, type OutboxOptions, type OutboxResult } from './controllers/outbox.js';
export { CivicErrorEvent, type CivicErrorDetail } from './events/error.js';
export * from './i18n/index.js';
export { safeHref } from './links/safe-href.js';
export { color, font, space, radius, focusWidth } from './styles/tokens.js';
export { baseStyles } from './styles/base.styles.js';
export { fieldStyles } from './styles/field.styles.js';
export { buttonStyles } from './styles/button.styles.js';
export { panelStyles } from './styles/panel.styles.js';
export { renderQuestionPage, renderBackLink, backText, continueText, progressText, type QuestionPageView } from './form/question-page.js';
export { pageStyles } from './styles/page.styles.js';
