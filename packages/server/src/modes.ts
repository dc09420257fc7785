import type { CouncilConfig } from './config/index.ts';
import { demoLeftovers } from './demo-leftovers.ts';

/**
 * What production mode (no --demo) insists on before it starts: nothing of the demo is assumed,
 * so a council that forgot a setting finds out at start-up, with every missing setting named,
 * rather than from a resident.
 */
/** Said at start and on every staff page in demo mode. */
export const DEMO_WARNING = "demo: not for real residents' data";

export class StartupError extends Error {
  constructor(readonly problems: string[]) {
    super(`cannot start without --demo:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'StartupError';
  }
}

export interface ProductionSettings {
  publicUrl: string;
  smtpUrl?: string;
  /** false: --no-email. */
  email: boolean;
  env: Record<string, string | undefined>;
}

/** The secrets staff sign-in reads from the environment, once checked. */
export interface SignInSecrets {
  clientSecret: string;
  cookieSecret: string;
}

export function checkProduction(config: CouncilConfig, settings: ProductionSettings): SignInSecrets | null {
  const problems: string[] = [];
  if (!settings.publicUrl) {
    problems.push('PUBLIC_URL is not set (nor "public_url" in the config): the address residents reach the server at, used in every email link, like https://report.larkmead.gov.uk');
  } else if (!/^https?:\/\//.test(settings.publicUrl)) {
    problems.push(`PUBLIC_URL must start with https:// (or http:// for a test), not "${settings.publicUrl}"`);
  }
  if (settings.email && !settings.smtpUrl && !settings.env.NOTIFY_API_KEY) {
    problems.push('SMTP_URL is not set: where to send receipts and updates, like smtps://user:password@smtp.larkmead.gov.uk:465 (or NOTIFY_API_KEY for GOV.UK Notify, or start with --no-email if the council only uses the Open311 feed)');
  }
  problems.push(...demoLeftovers(config, settings.publicUrl));
  let secrets: SignInSecrets | null = null;
  const signIn = config.staff_sign_in;
  if (signIn) {
    const clientSecret = settings.env[signIn.client_secret_env] ?? '';
    const cookieSecret = settings.env.CIVIC_SESSION_SECRET ?? '';
    if (!clientSecret) problems.push(`${signIn.client_secret_env} is not set: the client secret of staff sign-in (staff_sign_in.client_secret_env names it)`);
    if (cookieSecret.length < 32) {
      problems.push('CIVIC_SESSION_SECRET must be set to at least 32 random characters: it signs the staff session cookies (for example: openssl rand -base64 48)');
    }
    secrets = { clientSecret, cookieSecret };
  }
  if (problems.length) throw new StartupError(problems);
  return secrets;
}
