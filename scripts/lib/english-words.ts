/*
 * Finds English left in text meant to be Welsh: the check behind the Welsh demo walk
 * (examples/e2e/welsh.e2e.ts) and the Welsh email templates (packages/server/test/mail-welsh.spec.ts).
 *
 * A list of common English words, minus every word that is also Welsh: "am" (about), "at" (to),
 * "tan" (until), "man" (place), "pan" (when), "hi" (she), "is" (lower), "all" (can), "well"
 * (better), "her" (challenge), "map", "data", "problem", "post", "staff", "demo" are Welsh too,
 * so they are left out rather than allowed per test. What is allowed per test is names, places
 * and addresses ("Ada Lovelace", "3 High Street, Larkmead"), passed as `allow`. "do" (yes) and
 * "march" (stallion), "help" and "does" (there is, "Does dim") are Welsh as well.
 */

const ENGLISH = `
the and of you your yours we our ours us they their them this that these those with from for by on in
into onto out up down over under it its not no yes or if what when which who whom whose how why there here
have has had did done be been being are was were will would can could should shall may might must
about after before again against between through during without within while because than then just only
also very too more most less some any every each other another such same own please thank thanks hello dear
report reports reported reporting send sent sending check checked continue back start started save saved
submit submitted sign email emails address addresses name names phone number numbers reference references
update updates updated status open opened closed close closes date dates time times day days week weeks working
team teams street streets road roads light lights pothole potholes case cases track tracking find found search
location place places photo photos add added remove change changed choose chosen select enter entered answer
answers answered question questions page pages next previous step results asked said did consultation
consultations response responses code codes resume carry link links confirm confirmed subscribe unsubscribe
receipt happens happened told tell call contact ways way online need needs needed required optional
error errors try later loading loaded cannot sorry went wrong service services category categories
description details read show hide menu home skip main content english language welsh none new see history
whole expected scheduled action fixed investigating progress received inspected duplicate someone ignore
hear ask want get getting got keep kept until works visit offices market square monday tuesday wednesday
thursday friday saturday sunday january february april june july august september october november
fictional december morning afternoon evening today tomorrow yesterday now soon already still where everything nothing
something anything message messages team's thank-you emailed emailing wrote written write writing
resident residents language's reply replied replies anonymous identified publicly publish pass given
councils council's district parish clerk clerks told someone hope receive receiving emails stop stopped
whole history opening hours library town centre safer greener plans what's we'll you'll we've you've
don't can't won't isn't didn't doesn't it's that's there's here's let's i'm
`;

const WORDS = new Set(ENGLISH.split(/\s+/).filter(Boolean));

/** Words of `text` (lower case) that are English, in the order found, once each. */
export function englishWords(text: string, allow: readonly string[] = []): string[] {
  // Allowed phrases first, as one may hold a link (a resident's words quoted as written); the
  // longest first, so "3 High Street" cannot break "Outside 3 High Street, by the bus stop" apart.
  let rest = text;
  for (const phrase of [...allow].sort((a, b) => b.length - a.length)) rest = rest.split(phrase).join(' ');
  rest = rest
    // Links and addresses are not words a resident reads as prose.
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ');
  const found = new Set<string>();
  for (const match of rest.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const word = match[0].toLowerCase().replace(/’/g, "'");
    // Welsh joins words with apostrophes (o'r, i'w, wedi'i) and hyphens (ar-lein, e-bost): check
    // the whole word and each part.
    for (const candidate of [word, ...word.split(/['-]/)]) {
      if (WORDS.has(candidate)) found.add(candidate);
    }
  }
  return [...found];
}

/** Throws, naming the English words and where they are, when `text` holds any outside `allow`. */
export function expectNoEnglish(text: string, where: string, allow: readonly string[] = []): void {
  const words = englishWords(text, allow);
  if (words.length) {
    throw new Error(`English in the Welsh of ${where}: ${words.map((w) => `"${w}"`).join(', ')}\n--- text ---\n${text}`);
  }
}
