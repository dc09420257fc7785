import type { z } from 'zod';
import type { ServerContext } from '../http/context.ts';
import { councilName } from '../config/index.ts';
import { inTheirLanguage, welshLongDate } from '../mail/words.ts';
import type { draftBodySchema } from './bodies.ts';
import { inLanguage, type Definition } from './definition.ts';

/**
 * Sends a resume code by email when the resident asked for it; the address is kept only until
 * the email is sent (mail/queue.ts). Returns whether an email was queued.
 */
export async function emailResumeCode(
  ctx: Pick<ServerContext, 'config' | 'queue' | 'isAllowedOrigin'>,
  definition: Definition,
  code: string,
  expires: Date,
  draft: z.infer<typeof draftBodySchema>,
): Promise<boolean> {
  const to = draft.email?.trim();
  if (!to) return false;
  let link: string | null = null;
  if (draft.returnUrl) {
    try {
      const url = new URL(draft.returnUrl);
      // Only pages of sites allowed to embed us: the email must not carry someone else's link.
      if ((url.protocol === 'https:' || url.protocol === 'http:') && ctx.isAllowedOrigin(url.origin)) {
        url.searchParams.set('resume', code);
        link = url.toString();
      }
    } catch {
      link = null;
    }
  }
  const shown = `${code.slice(0, 4)} ${code.slice(4)}`;
  const { council } = ctx.config;
  // In the language the resident saved in; both (Welsh first) when their page did not say.
  const message = inTheirLanguage(draft.lang ?? null, (lang) => {
    const title = inLanguage(definition.title, lang);
    if (lang === 'cy') {
      const until = welshLongDate(expires, { weekday: false });
      return {
        subject: `Eich cod ailddechrau: ${title}`,
        lines: [
          `Rydych wedi cadw eich atebion i “${title}”.`,
          `Eich cod ailddechrau yw ${shown}. Bydd yn ddilys tan ${until}.`,
          link ? `I barhau, ewch i ${link}` : 'I barhau, ewch yn ôl i dudalen yr ymgynghoriad a rhowch y cod.',
          'Os na wnaethoch ofyn am yr e-bost hwn, gallwch ei anwybyddu.',
          councilName(ctx.config, 'cy'),
        ].join('\n\n').split('\n'),
      };
    }
    const until = expires.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
    return {
      subject: `Your resume code: ${title}`,
      lines: [
        `You saved your answers to “${title}”.`,
        `Your resume code is ${shown}. It works until ${until}.`,
        link ? `To carry on, go to ${link}` : 'To carry on, go back to the consultation page and enter the code.',
        'If you did not ask for this email, you can ignore it.',
        council.name,
      ].join('\n\n').split('\n'),
    };
  });
  await ctx.queue.send({ to, ...message });
  return true;
}
