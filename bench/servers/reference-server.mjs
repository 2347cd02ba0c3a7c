// The signing ceiling: plain node:http that reads the request and signs the same access token
// Keyhouse issues (same header and claims), with no database and no client check.
//   ALG=RS256 | ES256 | EdDSA   the signature, with a key of that type (RS256: 2048-bit RSA)
//   WORKERS=n                   n > 1: a node:cluster of n processes sharing the port, as Keyhouse's WORKERS
import cluster from 'node:cluster';
import { createHash, createPrivateKey, generateKeyPairSync, randomFillSync, sign } from 'node:crypto';
import { createServer } from 'node:http';

const ALGORITHMS = {
  RS256: { generate: () => generateKeyPairSync('rsa', { modulusLength: 2048 }), digest: 'sha256', options: {} },
  // JWS wants the raw r || s form of an ECDSA signature (RFC 7518 3.4), not DER.
  ES256: { generate: () => generateKeyPairSync('ec', { namedCurve: 'P-256' }), digest: 'sha256', options: { dsaEncoding: 'ieee-p1363' } },
  EdDSA: { generate: () => generateKeyPairSync('ed25519'), digest: null, options: {} },
};
// RFC 7638: the members a thumbprint covers, per key type.
const THUMBPRINT_MEMBERS = { RSA: ['e', 'kty', 'n'], EC: ['crv', 'kty', 'x', 'y'], OKP: ['crv', 'kty', 'x'] };

const alg = process.env.ALG ?? 'RS256';
const algorithm = ALGORITHMS[alg];
if (!algorithm) throw new Error(`ALG must be one of ${Object.keys(ALGORITHMS).join(', ')}`);
const workers = Number(process.env.WORKERS ?? 1);

if (workers > 1 && cluster.isPrimary) {
  // One key for every worker, as Keyhouse's workers share one key pair.
  const pem = algorithm.generate().privateKey.export({ format: 'pem', type: 'pkcs8' });
  for (let i = 0; i < workers; i++) cluster.fork({ REFERENCE_PRIVATE_KEY: pem });
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers)) worker.process.kill('SIGTERM');
    process.exit(0);
  });
} else {
  serve(process.env.REFERENCE_PRIVATE_KEY ? createPrivateKey(process.env.REFERENCE_PRIVATE_KEY) : algorithm.generate().privateKey);
}

function serve(privateKey) {
  const jwk = privateKey.export({ format: 'jwk' });
  const members = Object.fromEntries(THUMBPRINT_MEMBERS[jwk.kty].map((name) => [name, jwk[name]]));
  const kid = createHash('sha256').update(JSON.stringify(members)).digest('base64url');
  const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = b64({ alg, typ: 'at+jwt', kid });
  const key = { key: privateKey, ...algorithm.options };
  // The jti drawn as Keyhouse draws it (libs/api/oauth/src/tokens/token-ids.ts): 16-byte slices
  // of a block of CSPRNG output, not one call per token.
  const ids = Buffer.alloc(16 * 256);
  let nextId = ids.length;
  const newTokenId = () => {
    if (nextId === ids.length) {
      randomFillSync(ids);
      nextId = 0;
    }
    nextId += 16;
    return ids.toString('hex', nextId - 16, nextId);
  };

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
        jti: newTokenId(),
        client_id: '0123456789abcdef0123456789abcdef',
      });
      const input = `${header}.${claims}`;
      const token = `${input}.${sign(algorithm.digest, Buffer.from(input), key).toString('base64url')}`;
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' });
      response.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3600, access_token: token }));
    });
  }).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
}
