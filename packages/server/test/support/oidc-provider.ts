import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider (oidc-provider, the certified OP library) on a loopback port, with its
 * own login and consent pages (devInteractions: any login, any password; the login is used as
 * the account's email). Tests sign in through it exactly as staff would through Entra ID.
 */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export interface TestAccount {
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

export async function startTestProvider(options: {
  /** The civic server's public URL: its callback and signed-out pages are registered. */
  relyingParty: string;
  /** Claims beyond the email, by login. */
  accounts?: Record<string, TestAccount>;
}): Promise<TestProvider> {
  const http: Server = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const clientId = 'civic-staff';
  const clientSecret = 'a-test-client-secret-that-is-long-enough';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${options.relyingParty}/staff/sign-in/callback`],
        post_logout_redirect_uris: [`${options.relyingParty}/staff/signed-out`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['a-test-cookie-key-for-the-provider'] },
    async findAccount(_ctx, sub) {
      const extra = options.accounts?.[sub] ?? {};
      return {
        accountId: sub,
        async claims() {
          return { sub, email: sub, email_verified: extra.email_verified ?? true, name: extra.name ?? 'Test Officer', groups: extra.groups ?? [] };
        },
      };
    },
  });
  // oidc-provider warns about its development-only pieces (dev interactions, generated keys),
  // which are what a test wants; keep the test output readable.
  http.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}
