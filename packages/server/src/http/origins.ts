/** Turns "http://localhost:*" or "https://*.council.gov.uk" into a matcher; other entries match exactly. */
export function originMatcher(patterns: string[]): (origin: string) => boolean {
  const exact = new Set<string>();
  const regexes: RegExp[] = [];
  for (const pattern of patterns) {
    if (pattern === '*') regexes.push(/^.*$/);
    else if (pattern.includes('*')) {
      const source = pattern
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
        .join('[^/]*');
      regexes.push(new RegExp(`^${source}$`, 'i'));
    } else exact.add(pattern.replace(/\/$/, '').toLowerCase());
  }
  return (origin) => exact.has(origin.toLowerCase()) || regexes.some((r) => r.test(origin));
}
