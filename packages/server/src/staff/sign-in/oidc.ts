import * as client from 'openid-client';
import type { StaffSignInConfig } from '../../config/index.ts';

/**
 * The council's identity provider, through openid-client (the certified OpenID Connect relying
 * party library): discovery, the authorisation code flow with PKCE, state and nonce, and the ID
 * token's signature and claims checked for us.
 */
export interface IdentityProvider {
  /** Where to send the browser to sign in. */
  signInUrl(check: { state: string; nonce: string; codeVerifier: string }): Promise<URL>;
  /** Exchanges the code in `callbackUrl` and returns who signed in, checked against the config. */
  finishSignIn(callbackUrl: URL, check: { state: string; nonce: string; codeVerifier: string }): Promise<SignedIn>;
  /** The provider's sign-out page for this session, when it has one. */
  signOutUrl(idToken: string | null, returnTo: string): Promise<URL | null>;
}

export type SignedIn = { allowed: true; email: string; name: string | null; idToken: string } | { allowed: false; email: string | null };

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether the ID token's claims name someone the config lets into the back office. */
export function isAllowed(settings: StaffSignInConfig, claims: Record<string, unknown>): { email: string | null; allowed: boolean } {
  const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
  // Entra ID sends no email_verified; Google and Okta send it, and false means "do not trust".
  if (!email || claims.email_verified === false) return { email, allowed: false };
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const domains = settings.allowed_email_domains.map((d) => d.toLowerCase());
  const groupsClaim = claims[settings.groups_claim];
  const groups = Array.isArray(groupsClaim) ? groupsClaim.filter((g): g is string => typeof g === 'string') : [];
  const domainOk = !domains.length || domains.includes(domain);
  const groupOk = !settings.allowed_groups.length || settings.allowed_groups.some((g) => groups.includes(g));
  return { email, allowed: domainOk && groupOk };
}

export function identityProvider(settings: StaffSignInConfig, clientSecret: string, redirectUri: string): IdentityProvider {
  const issuer = new URL(settings.issuer);
  let discovered: Promise<client.Configuration> | null = null;
  // Discovered on first use, not at start-up: residents' reports must not wait on (or fail with)
  // the staff identity provider. A failed discovery is tried again next time.
  const configuration = () => {
    discovered ??= client
      .discovery(issuer, settings.client_id, clientSecret, undefined, {
        // Plain http only for a provider on this machine (a test's); https everywhere else.
        ...(issuer.protocol === 'http:' && loopback.has(issuer.hostname) ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  };
  return {
    async signInUrl({ state, nonce, codeVerifier }) {
      return client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        scope: settings.scopes.join(' '),
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
    },
    async finishSignIn(callbackUrl, { state, nonce, codeVerifier }) {
      const tokens = await client.authorizationCodeGrant(await configuration(), callbackUrl, {
        expectedState: state,
        expectedNonce: nonce,
        pkceCodeVerifier: codeVerifier,
        idTokenExpected: true,
      });
      const config = await configuration();
      let claims = (tokens.claims() ?? {}) as Record<string, unknown>;
      // Some providers put the email in the ID token (Google, Entra ID with the optional claim),
      // others only at the userinfo endpoint (Okta's default, oidc-provider): ask there when missing.
      if (typeof claims.email !== 'string' && config.serverMetadata().userinfo_endpoint) {
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub as string);
        claims = { ...info, ...claims, email: info.email, email_verified: info.email_verified };
        if (claims[settings.groups_claim] === undefined) claims[settings.groups_claim] = info[settings.groups_claim];
      }
      const { email, allowed } = isAllowed(settings, claims);
      if (!allowed || !email) return { allowed: false, email };
      const name = typeof claims.name === 'string' ? claims.name : null;
      return { allowed: true, email, name, idToken: tokens.id_token! };
    },
    async signOutUrl(idToken, returnTo) {
      const config = await configuration();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, {
        post_logout_redirect_uri: returnTo,
        ...(idToken ? { id_token_hint: idToken } : {}),
      });
    },
  };
}
