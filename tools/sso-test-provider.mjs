// A real OAuth 2.0 / OpenID Connect provider for the single sign-on tests (the integration and
// browser tiers): node-oidc-provider with one confidential client, PKCE required, and its
// development sign-in and consent pages, where any login signs in. For tests only.
//
// The login typed is the account, and says what its userinfo tells:
//   <email>              email: <email>, email_verified: true
//   unverified:<email>   email: <email>, email_verified: false
//   anonymous            no email at all
//
// Settings (environment): PORT (0: any free port), CLIENT_ID, CLIENT_SECRET, REDIRECT_URI.
// Prints "listening on <issuer>" once it serves.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const { CLIENT_ID, CLIENT_SECRET, REDIRECT_URI } = process.env;
if (!CLIENT_ID || !CLIENT_SECRET || !REDIRECT_URI) {
  console.error('sso-test-provider: set CLIENT_ID, CLIENT_SECRET and REDIRECT_URI');
  process.exit(1);
}

function claimsOf(login) {
  if (login === 'anonymous') return {};
  const unverified = login.startsWith('unverified:');
  return { email: unverified ? login.slice('unverified:'.length) : login, email_verified: !unverified };
}

const server = createServer();
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        // How passport-oauth2 authenticates (the oauth package sends the secret in the body).
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    findAccount: (_ctx, login) => ({ accountId: login, claims: () => ({ sub: login, ...claimsOf(login) }) }),
    cookies: { keys: ['sso-test-provider-only'] },
  });
  server.on('request', provider.callback());
  console.log(`listening on ${issuer}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
