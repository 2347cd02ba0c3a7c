import { InvalidClientError, InvalidRequestError } from '../errors/oauth-errors';
import { readClientCredentials } from './client-credentials';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const params = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('readClientCredentials (RFC 6749 2.3.1)', () => {
  it('reads HTTP Basic with any letter case of the scheme', () => {
    expect(readClientCredentials(basic('app', 's3cret'), params({}))).toEqual({ clientId: 'app', secret: 's3cret', method: 'client_secret_basic' });
    expect(readClientCredentials(basic('app', 's3cret').replace('Basic', 'bAsIc'), params({})).clientId).toBe('app');
  });

  it('form-decodes both halves (Appendix B)', () => {
    expect(readClientCredentials(basic('my%20app', 'a%3Ab+c%25'), params({}))).toEqual({
      clientId: 'my app',
      secret: 'a:b c%',
      method: 'client_secret_basic',
    });
  });

  it('reads client_id and client_secret from the body', () => {
    expect(readClientCredentials(undefined, params({ client_id: 'app', client_secret: 's' }))).toEqual({ clientId: 'app', secret: 's', method: 'client_secret_post' });
  });

  it('treats a client_id alone as a public client', () => {
    expect(readClientCredentials(undefined, params({ client_id: 'app' }))).toEqual({ clientId: 'app', method: 'none' });
  });

  it('refuses two methods at once, but allows a body client_id repeating Basic', () => {
    expect(() => readClientCredentials(basic('app', 's'), params({ client_secret: 's' }))).toThrow(InvalidRequestError);
    expect(() => readClientCredentials(basic('app', 's'), params({ client_id: 'other' }))).toThrow(InvalidRequestError);
    expect(readClientCredentials(basic('app', 's'), params({ client_id: 'app' })).method).toBe('client_secret_basic');
  });

  it.each(['Basic !!!', 'Basic ' + Buffer.from('no-colon').toString('base64'), 'Basic ' + Buffer.from('%E0%A4%A:x').toString('base64')])(
    'refuses malformed Basic credentials %s',
    (header) => {
      expect(() => readClientCredentials(header, params({}))).toThrow(InvalidRequestError);
    },
  );

  it('is invalid_client when no client is presented at all', () => {
    expect(() => readClientCredentials(undefined, params({}))).toThrow(InvalidClientError);
    expect(() => readClientCredentials('Bearer x', params({}))).toThrow(InvalidClientError);
  });

  describe('client assertions (RFC 7521 4.2, RFC 7523 2.2)', () => {
    const TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
    const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const assertion = `${segment({ alg: 'ES256' })}.${segment({ iss: 'app', sub: 'app' })}.signature`;

    it('names the client by the assertion\'s subject, before anything is verified', () => {
      expect(readClientCredentials(undefined, params({ client_assertion_type: TYPE, client_assertion: assertion }))).toEqual({
        clientId: 'app',
        assertion,
        method: 'private_key_jwt',
      });
      expect(readClientCredentials(undefined, params({ client_assertion_type: TYPE, client_assertion: assertion, client_id: 'app' })).clientId).toBe('app');
    });

    it('refuses a client_id other than the subject, and a second method next to the assertion', () => {
      const sent = { client_assertion_type: TYPE, client_assertion: assertion };
      expect(() => readClientCredentials(undefined, params({ ...sent, client_id: 'other' }))).toThrow(InvalidRequestError);
      expect(() => readClientCredentials(undefined, params({ ...sent, client_secret: 's' }))).toThrow(InvalidRequestError);
      expect(() => readClientCredentials(basic('app', 's'), params(sent))).toThrow(InvalidRequestError);
    });

    it('wants both parameters, with the JWT bearer type', () => {
      expect(() => readClientCredentials(undefined, params({ client_assertion: assertion }))).toThrow(InvalidRequestError);
      expect(() => readClientCredentials(undefined, params({ client_assertion: assertion, client_assertion_type: 'urn:other' }))).toThrow(InvalidRequestError);
      expect(() => readClientCredentials(undefined, params({ client_assertion_type: TYPE, client_id: 'app' }))).toThrow(InvalidRequestError);
    });

    it.each(['not-a-jwt', `${segment({ alg: 'ES256' })}.${segment({ iss: 'app' })}.x`, `${segment({ alg: 'ES256' })}.${segment({ sub: 7 })}.x`])(
      'is invalid_client when the assertion names no client: %s',
      (unreadable) => {
        expect(() => readClientCredentials(undefined, params({ client_assertion_type: TYPE, client_assertion: unreadable }))).toThrow(InvalidClientError);
      },
    );
  });
});
