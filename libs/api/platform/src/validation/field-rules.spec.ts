import 'reflect-metadata';
import { ValidationFailedException } from '../errors/validation-failed.exception';
import { RequestBody, validBody } from './body-validation.pipe';
import { IsIpRangeList, IsRedirectUriList, IsScopeList, Omittable, redirectUriProblem } from './field-rules';

@RequestBody('Send the client as a JSON object.')
class ClientBody {
  @Omittable()
  @IsRedirectUriList(2)
  redirectUris?: string[];

  @Omittable()
  @IsScopeList(3)
  scopes?: string[];

  @Omittable()
  @IsIpRangeList(2)
  allowedIpRanges?: string[];
}

async function errorsOf(body: unknown): Promise<Record<string, string>> {
  const error = await validBody(ClientBody, body).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ValidationFailedException)) throw new Error(`expected a validation failure, got ${String(error)}`);
  return error.errors;
}

describe('redirectUriProblem (RFC 6749 3.1.2, RFC 9700 2.1)', () => {
  it.each([
    ['https://app.example.com/callback', undefined],
    ['http://localhost:3000/cb', undefined],
    ['http://[::1]/cb', undefined],
    ['http://app.example.com/cb', 'must use https (http only on localhost, 127.0.0.1 or [::1])'],
    ['http://localhost.evil.com/cb', 'must use https (http only on localhost, 127.0.0.1 or [::1])'],
    ['/relative/callback', 'must be an absolute URL'],
    ['https://app.example.com/cb#token', 'must not contain a fragment'],
    ['https://*.example.com/cb', 'must not contain wildcards'],
    ['https://user:pw@app.example.com/cb', 'must not contain credentials'],
    ['javascript:alert(1)', 'must use https (http only on localhost, 127.0.0.1 or [::1])'],
  ])('%s', (uri, problem) => {
    expect(redirectUriProblem(uri)).toBe(problem);
  });
});

describe('list rules', () => {
  it('accept valid lists, and leave out what is not sent', async () => {
    const body = { redirectUris: ['https://a.example/cb'], scopes: ['orders:read', 'openid'], allowedIpRanges: ['10.0.0.0/8', '::1'] };
    await expect(validBody(ClientBody, body)).resolves.toEqual(body);
    await expect(validBody(ClientBody, {})).resolves.toBeInstanceOf(ClientBody);
  });

  it.each([
    [{ redirectUris: 'https://a.example/cb' }, { redirectUris: 'Give a list of at most 2 redirect URIs.' }],
    [{ redirectUris: null }, { redirectUris: 'Give a list of at most 2 redirect URIs.' }],
    [{ redirectUris: ['https://a.example/1', 'https://a.example/2', 'https://a.example/3'] }, { redirectUris: 'Give a list of at most 2 redirect URIs.' }],
    [{ redirectUris: ['https://a.example/cb', {}] }, { redirectUris: 'Redirect URI 2 must be a string.' }],
    [{ redirectUris: ['https://a.example/cb#x'] }, { redirectUris: 'Redirect URI 1 must not contain a fragment.' }],
    [{ redirectUris: ['https://a.example/cb', 'https://a.example/cb'] }, { redirectUris: 'Each redirect URI may be listed once.' }],
    [{ scopes: {} }, { scopes: 'Give a list of at most 3 scopes.' }],
    [{ scopes: ['a', 'b c'] }, { scopes: '"b c" is not a valid scope (no spaces, quotes or backslashes).' }],
    [{ scopes: [[1]] }, { scopes: '"1" is not a valid scope (no spaces, quotes or backslashes).' }],
    [{ scopes: ['say"hi"'] }, { scopes: '"say"hi"" is not a valid scope (no spaces, quotes or backslashes).' }],
    [{ scopes: ['x'.repeat(101)] }, { scopes: `"${'x'.repeat(101)}" is not a valid scope (no spaces, quotes or backslashes).` }],
    [{ scopes: ['a', 'a'] }, { scopes: 'Each scope may be listed once.' }],
    [{ allowedIpRanges: ['10.0.0.0/8', 7] }, { allowedIpRanges: 'IP range 2 must be a string.' }],
    [{ allowedIpRanges: ['10.0.0.0/33'] }, { allowedIpRanges: 'IP range 1 needs a prefix length from 0 to 32.' }],
    [{ allowedIpRanges: ['::1', '::1'] }, { allowedIpRanges: 'Each IP range may be listed once.' }],
  ])('refuse %j at the field', async (body, errors) => {
    expect(await errorsOf(body)).toEqual(errors);
  });
});
