export {
  registerTranslations,
  toCivicLocale,
  currentLocale,
  useLocale,
  sourceLocale,
  targetLocales,
  type CivicLocale,
} from './localization.js';
export { formatDate, formatDateTime } from './format.js';
