// oidc-provider (npm) issuing JWT access tokens for client_credentials, RS256, in-memory store.
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const provider = new Provider(`http://127.0.0.1:${process.env.PORT}`, {
  clients: [{ client_id: process.env.CLIENT_ID, client_secret: process.env.CLIENT_SECRET, grant_types: ['client_credentials'], redirect_uris: [], response_types: [] }],
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256' }] },
  features: {
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => 'urn:keyhouse:bench',
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: 'api', accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
    },
  },
});
provider.listen(Number(process.env.PORT), () => process.send?.('ready'));
