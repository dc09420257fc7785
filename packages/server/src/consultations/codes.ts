import { randomInt } from 'node:crypto';

/** Resume codes and references: no 0/O, 1/I/L or U, so they survive being read out or retyped. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

export const randomCode = (length: number) => Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/** A response's reference, e.g. "LDC-C-K7M3-QX9P". */
export const responseReference = (prefix: string) => `${prefix}-C-${randomCode(4)}-${randomCode(4)}`;

/** "k7m3-qx9p" → "K7M3QX9P"; null when it cannot be a code. */
export function normaliseResumeCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return new RegExp(`^[${CODE_ALPHABET}]{8}$`).test(code) ? code : null;
}
