import { isWellFormedPkceValue, verifierMatches } from './pkce';

// RFC 7636 Appendix B.
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('PKCE (RFC 7636)', () => {
  it('accepts the verifier of the RFC example for S256', () => {
    expect(verifierMatches(VERIFIER, CHALLENGE, 'S256')).toBe(true);
  });

  it('refuses another verifier, and the challenge itself sent as the verifier', () => {
    expect(verifierMatches(`${VERIFIER.slice(0, -1)}Y`, CHALLENGE, 'S256')).toBe(false);
    expect(verifierMatches(CHALLENGE, CHALLENGE, 'S256')).toBe(false);
  });

  it('compares plain challenges as they are', () => {
    expect(verifierMatches(VERIFIER, VERIFIER, 'plain')).toBe(true);
    expect(verifierMatches(VERIFIER, CHALLENGE, 'plain')).toBe(false);
  });

  it('takes 43 to 128 unreserved characters only', () => {
    expect(isWellFormedPkceValue(VERIFIER)).toBe(true);
    expect(isWellFormedPkceValue('a'.repeat(42))).toBe(false);
    expect(isWellFormedPkceValue('a'.repeat(129))).toBe(false);
    expect(isWellFormedPkceValue(`${'a'.repeat(42)}+`)).toBe(false);
  });
});
