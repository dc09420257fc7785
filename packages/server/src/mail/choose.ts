import type { Db } from '../db/index.ts';
import { createDevMailbox } from './dev-mailbox.ts';
import { createUrlMailer, dkimFromEnv, type Mailer } from './mailer.ts';
import { createNotifyMailer, notifyFromEnv } from './notify.ts';

/**
 * Where the server's email goes: GOV.UK Notify (NOTIFY_API_KEY), an SMTP server (SMTP_URL,
 * DKIM-signed with DKIM_* set), or, with neither, the dev mailbox. Both at once is refused:
 * which one sends would otherwise be a guess.
 */
export async function chooseMailer(db: Db, from: string, smtpUrl: string | undefined, env: Record<string, string | undefined>): Promise<Mailer> {
  const notify = notifyFromEnv(env);
  const dkim = dkimFromEnv(env);
  if (notify && smtpUrl) throw new Error('Set SMTP_URL or NOTIFY_API_KEY, not both');
  if (notify) return createNotifyMailer(notify);
  if (smtpUrl) return createUrlMailer(smtpUrl, from, dkim);
  return createDevMailbox(db, from);
}
