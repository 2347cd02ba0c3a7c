import { createHmac, generateKeyPairSync } from 'node:crypto';
import { thumbprint } from '@keyhouse/api-keys';
import { signJwt, verifyJwt } from './jwt';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const kid = thumbprint(publicKey);
const keys = new Map([[kid, publicKey]]);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('JWT (RS256, RFC 7515 / 9068)', () => {
  it('signs and verifies', () => {
    const token = signJwt({ alg: 'RS256', typ: 'at+jwt', kid }, { sub: '1' }, privateKey);
    expect(verifyJwt(token, 'at+jwt', keys)).toEqual({ sub: '1' });
  });

  it('refuses alg none, HS256 keyed with the public key, another key, a wrong type, and tampering', () => {
    const claims = b64({ sub: 'admin' });
    expect(verifyJwt(`${b64({ alg: 'none', typ: 'at+jwt', kid })}.${claims}.`, 'at+jwt', keys)).toBeUndefined();

    const hsInput = `${b64({ alg: 'HS256', typ: 'at+jwt', kid })}.${claims}`;
    const pem = publicKey.export({ type: 'spki', format: 'pem' });
    const hs = createHmac('sha256', pem).update(hsInput).digest('base64url');
    expect(verifyJwt(`${hsInput}.${hs}`, 'at+jwt', keys)).toBeUndefined();

    const forged = signJwt({ alg: 'RS256', typ: 'at+jwt', kid }, { sub: '1' }, other.privateKey);
    expect(verifyJwt(forged, 'at+jwt', keys)).toBeUndefined();

    const idToken = signJwt({ alg: 'RS256', typ: 'JWT', kid }, { sub: '1' }, privateKey);
    expect(verifyJwt(idToken, 'at+jwt', keys)).toBeUndefined();

    const [header, , signature] = signJwt({ alg: 'RS256', typ: 'at+jwt', kid }, { sub: '1' }, privateKey).split('.');
    expect(verifyJwt(`${header}.${b64({ sub: '2' })}.${signature}`, 'at+jwt', keys)).toBeUndefined();
    expect(verifyJwt('not.a.jwt', 'at+jwt', keys)).toBeUndefined();
    expect(verifyJwt('garbage', 'at+jwt', keys)).toBeUndefined();
  });
});
