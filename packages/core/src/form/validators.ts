import { msg, str } from '@lit/localize';

/** What a validator says about a value: valid, or why not in words a resident can act on. */
export interface ValidationResult {
  isValid: boolean;
  message: string;
}

/** The slice of a field a validator reads. */
export interface ValidatedField {
  readonly required: boolean;
  readonly requiredMessage: string;
  readonly label: string;
}

/**
 * A small reusable rule (Lion's validator idea). `flag` is the ValidityState flag a failure
 * sets, so `form.checkValidity()` and `:invalid` behave as with native inputs.
 */
export interface Validator<V = unknown> {
  flag: keyof ValidityStateFlags;
  validate(value: V, field: ValidatedField): ValidationResult;
}

const valid: ValidationResult = { isValid: true, message: '' };
const invalid = (message: string): ValidationResult => ({ isValid: false, message });

const isEmpty = (value: unknown) =>
  value == null || (typeof value === 'string' ? value.trim() === '' : Array.isArray(value) && value.length === 0);

/** Required: the field's own `required-message`, else a sensible default. */
export function requiredValidator<V>(defaultMessage: () => string): Validator<V> {
  return {
    flag: 'valueMissing',
    validate: (value, field) =>
      field.required && isEmpty(value) ? invalid(field.requiredMessage || defaultMessage()) : valid,
  };
}

/** At most `max` characters, counted as a resident sees them (astral characters count once). */
export function maxLengthValidator(max: () => number | undefined): Validator<string> {
  return {
    flag: 'tooLong',
    validate: (value, field) => {
      const limit = max();
      if (!limit || [...value].length <= limit) return valid;
      return invalid(msg(str`${field.label} must be ${limit} characters or fewer`, { id: 'validator.maxLength' }));
    },
  };
}

/** Counts words as GOV.UK's character count does: runs of non-space characters. */
export const countWords = (value: string): number => value.match(/\S+/g)?.length ?? 0;

export function maxWordsValidator(max: () => number | undefined): Validator<string> {
  return {
    flag: 'tooLong',
    validate: (value, field) => {
      const limit = max();
      if (!limit || countWords(value) <= limit) return valid;
      return invalid(msg(str`${field.label} must be ${limit} words or fewer`, { id: 'validator.maxWords' }));
    },
  };
}

// Deliberately loose: one @, something either side, a dot in the domain. Strict patterns reject
// real addresses; the receipt email is the real check.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const emailValidator: Validator<string> = {
  flag: 'typeMismatch',
  validate: (value) =>
    !value.trim() || emailPattern.test(value.trim())
      ? valid
      : invalid(msg('Enter an email address in the correct format, like name@example.com', { id: 'validator.email' })),
};

// UK numbers and international ones: digits, spaces, brackets, dashes, a leading +.
const phonePattern = /^\+?[\d\s()-]{7,20}$/;

export const phoneValidator: Validator<string> = {
  flag: 'typeMismatch',
  validate: (value) =>
    !value.trim() || (phonePattern.test(value.trim()) && (value.match(/\d/g)?.length ?? 0) >= 7)
      ? valid
      : invalid(
          msg('Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192', {
            id: 'validator.phone',
          }),
        ),
};

export function numberValidator(range: () => { min?: number; max?: number }): Validator<string> {
  return {
    flag: 'badInput',
    validate: (value, field) => {
      const text = value.trim().replace(/,/g, '');
      if (!text) return valid;
      const number = Number(text);
      if (!Number.isFinite(number)) return invalid(msg(str`${field.label} must be a number`, { id: 'validator.number' }));
      const { min, max } = range();
      if (min !== undefined && number < min)
        return invalid(msg(str`${field.label} must be ${min} or more`, { id: 'validator.min' }));
      if (max !== undefined && number > max)
        return invalid(msg(str`${field.label} must be ${max} or less`, { id: 'validator.max' }));
      return valid;
    },
  };
}

/** Runs validators in order; the first failure wins (one message per field, as GOV.UK shows). */
export function runValidators<V>(
  validators: readonly Validator<V>[],
  value: V,
  field: ValidatedField,
): { flag?: keyof ValidityStateFlags; message: string } {
  for (const validator of validators) {
    const result = validator.validate(value, field);
    if (!result.isValid) return { flag: validator.flag, message: result.message };
  }
  return { message: '' };
}
