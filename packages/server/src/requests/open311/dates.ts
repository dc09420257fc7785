/** ISO 8601 with offset and without milliseconds, as in the spec's examples. */
export function isoDate(value: Date | string | null | undefined): string | null {
  if (!value) return null;
  return new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
