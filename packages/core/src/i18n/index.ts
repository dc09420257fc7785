export {
  registerTranslations,
  toCivicLocale,
  currentLocale,
  useLocale,
  translationsReady,
  pageLocale,
  sourceLocale,
  targetLocales,
  type CivicLocale,
} from './localization.js';
export { formatDate, formatDateTime } from './format.js';
