/**
 * Generates the seeded responses of the closed demo consultation (library-hours-2026), so its
 * published results have figures worth charting. Deterministic (seeded PRNG): re-running it
 * writes the same file. Every answer is invented.
 *
 *   pnpm exec tsx packages/server/demo/consultations/generate-responses.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(14102026);

/** Picks a value by weight. */
function pick<T extends string>(weights: Record<T, number>): T {
  const entries = Object.entries(weights) as Array<[T, number]>;
  let r = rand() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of entries) if ((r -= w) < 0) return value;
  return entries[entries.length - 1]![0];
}

const COMMENTS = [
  'I work in Westshire all week, so Thursday evenings would mean I can finally bring my son to the library.',
  'Please keep something on for toddlers early in the week – Monday rhyme time is the highlight of our week.',
  'Evening opening is great but the car park needs better lighting if people are leaving at 8pm in winter.',
  'Sunday afternoons would be even better than Thursday evenings.',
  'The study space is always full during exams; longer hours would really help students.',
  'I use the computers on Monday mornings for job searching. Where else can I go?',
  'Happy with this as long as the Saturday hours stay the same.',
  'Mae angen mwy o lyfrau Cymraeg i blant.',
  'More evening events for adults, please – book club, talks.',
  'Could the library open at 9am instead of 9:30 on weekdays?',
];
const SERVICES = ['books', 'computers', 'study', 'children'] as const;
const OTHER_SERVICES = ['Local history archive', 'Printing and scanning', 'Knit and natter group', 'Blue Badge applications'];

const responses: Array<Record<string, unknown>> = [];
for (let i = 0; i < 184; i++) {
  const worker = rand() < 0.55;
  const answers: Record<string, unknown> = {};
  answers['use-frequency'] = pick({ weekly: worker ? 2 : 5, monthly: 4, rarely: 3, never: worker ? 2 : 1 });
  const services = SERVICES.filter((s) => rand() < { books: 0.75, computers: 0.35, study: worker ? 0.2 : 0.4, children: 0.3 }[s]);
  if (rand() < 0.08) {
    services.push('other' as never);
    answers['services.other'] = OTHER_SERVICES[Math.floor(rand() * OTHER_SERVICES.length)];
  }
  if (services.length) answers['services'] = services;
  if (rand() < 0.92) {
    answers['satisfaction'] = pick(
      worker
        ? { 'very-satisfied': 1, satisfied: 3, neutral: 3, dissatisfied: 4, 'very-dissatisfied': 2 }
        : { 'very-satisfied': 3, satisfied: 5, neutral: 2, dissatisfied: 1, 'very-dissatisfied': 1 },
    );
  }
  answers['support'] = rand() < (worker ? 0.86 : 0.52) ? 'yes' : 'no';
  if (rand() < 0.8) {
    const weight: Record<string, number> = { saturday: 3, evening: worker ? 4 : 1.5, sunday: 2, monday: worker ? 0.5 : 2 };
    // A weighted shuffle: higher weight, earlier place (Efraimidis–Spirakis keys).
    answers['priorities'] = Object.keys(weight)
      .map((v) => ({ v, k: Math.pow(rand(), 1 / weight[v]!) }))
      .sort((a, b) => b.k - a.k)
      .map((x) => x.v);
  }
  if (rand() < 0.3) answers['comments'] = COMMENTS[Math.floor(rand() * COMMENTS.length)];
  responses.push(answers);
}

const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(here, 'library-hours-2026.responses.json'), JSON.stringify(responses, null, 1) + '\n');
console.log(`library-hours-2026: ${responses.length} responses`);
