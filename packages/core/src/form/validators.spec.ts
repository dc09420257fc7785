import { describe, expect, it } from 'vitest';
import {
  countWords,
  emailValidator,
  maxLengthValidator,
  maxWordsValidator,
  numberValidator,
  phoneValidator,
  requiredValidator,
  runValidators,
} from './validators.js';

const field = (overrides = {}) => ({ required: true, requiredMessage: '', label: 'Description', ...overrides });

describe('validators', () => {
  it('uses the field\'s own required message, else the default', () => {
    const required = requiredValidator<string>(() => 'Enter an answer');
    expect(required.validate('  ', field()).message).toBe('Enter an answer');
    expect(required.validate('', field({ requiredMessage: 'Enter a description of the problem' })).message).toBe(
      'Enter a description of the problem',
    );
    expect(required.validate('', field({ required: false })).isValid).toBe(true);
    expect(requiredValidator<string[]>(() => 'Select at least one option').validate([], field()).isValid).toBe(false);
  });

  it('counts characters as a resident sees them, emoji included', () => {
    const max = maxLengthValidator(() => 3);
    expect(max.validate('abc', field()).isValid).toBe(true);
    expect(max.validate('ab😀', field()).isValid).toBe(true);
    expect(max.validate('abcd', field()).message).toBe('Description must be 3 characters or fewer');
  });

  it('counts words the way GOV.UK does', () => {
    expect(countWords('  one two\nthree\tfour ')).toBe(4);
    expect(countWords('')).toBe(0);
    expect(maxWordsValidator(() => 2).validate('one two three', field()).message).toBe('Description must be 2 words or fewer');
  });

  it.each(['name@example.com', 'first.last+tag@council.gov.uk', ''])('accepts the email %j', (value) => {
    expect(emailValidator.validate(value, field()).isValid).toBe(true);
  });

  it.each(['name.example.com', 'name@example', 'two words@example.com'])('rejects the email %j with the GOV.UK message', (value) => {
    expect(emailValidator.validate(value, field()).message).toBe(
      'Enter an email address in the correct format, like name@example.com',
    );
  });

  it.each(['01632 960 001', '07700 900 982', '+44 808 157 0192', '(01632) 960-001'])('accepts the phone number %j', (value) => {
    expect(phoneValidator.validate(value, field()).isValid).toBe(true);
  });

  it.each(['call me', '123', '0800 CALL NOW'])('rejects the phone number %j', (value) => {
    expect(phoneValidator.validate(value, field()).isValid).toBe(false);
  });

  it('checks numbers and their range, allowing thousands separators', () => {
    const number = numberValidator(() => ({ min: 1, max: 5000 }));
    expect(number.validate('1,200', field()).isValid).toBe(true);
    expect(number.validate('lots', field()).message).toBe('Description must be a number');
    expect(number.validate('0', field()).message).toBe('Description must be 1 or more');
    expect(number.validate('5001', field()).message).toBe('Description must be 5000 or less');
  });

  it('reports only the first failing rule, with its validity flag', () => {
    const result = runValidators([requiredValidator<string>(() => 'Enter an answer'), maxLengthValidator(() => 1)], '', field());
    expect(result).toEqual({ flag: 'valueMissing', message: 'Enter an answer' });
    expect(runValidators([maxLengthValidator(() => 10)], 'fine', field())).toEqual({ message: '' });
  });
});
