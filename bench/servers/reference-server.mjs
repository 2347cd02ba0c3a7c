// The signing ceiling: plain node:http that reads the request and signs the same RS256 access
// token Keyhouse issues (same header and claims), with no database and no client check.
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createServer } from 'node:http';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const { n, e } = publicKey.export({ format: 'jwk' });
const kid = createHash('sha256').update(JSON.stringify({ e, kty: 'RSA', n })).digest('base64url');
const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const header = b64({ alg: 'RS256', typ: 'at+jwt', kid });

createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = b64({
      iss: 'http://localhost:3000',
      sub: '1',
      aud: 'http://localhost:3000/admin/api',
      exp: now + 3600,
      iat: now,
      jti: randomBytes(16).toString('hex'),
      client_id: '0123456789abcdef0123456789abcdef',
    });
    const input = `${header}.${claims}`;
    const token = `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' });
    response.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3600, access_token: token }));
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
