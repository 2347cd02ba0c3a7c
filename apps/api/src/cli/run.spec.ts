import { createPrivateKey } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run';

/** Runs a command line with its own environment; what would be printed is captured. */
async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, env, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const keysIn = (dir: string) => ({ OAUTH_PRIVATE_KEY_PATH: join(dir, 'private.pem'), OAUTH_PUBLIC_KEY_PATH: join(dir, 'public.pem') });

describe('the keyhouse command line', () => {
  it.each([['help'], ['--help'], ['-h']])('prints the usage on stdout for %s', async (argument) => {
    const { code, stdout, stderr } = await cli([argument]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run keyhouse -- <command>/);
    expect(stderr).toBe('');
  });

  it.each([
    [[], 'keyhouse: no command given'],
    [['frobnicate'], 'keyhouse: unknown command "frobnicate"'],
    [['keys', 'shred'], 'keyhouse: unknown command "keys shred"'],
    [['constructor'], 'keyhouse: unknown command "constructor"'],
    [['toString'], 'keyhouse: unknown command "toString"'],
    [['__proto__'], 'keyhouse: unknown command "__proto__"'],
    [['cleanup', '--everything'], "keyhouse: cleanup: Unknown option '--everything'"],
    [['keys', 'generate', 'now'], 'keyhouse: keys generate: unexpected argument "now"'],
    [['keys', 'retire'], 'keyhouse: keys retire: expected <kid>'],
    [['applications', 'deactivate'], 'keyhouse: applications deactivate: expected <client id or id>'],
    [['applications', 'create', '--name', 'x', '--grant', 'password'], 'keyhouse: applications create: --organization is required'],
    [['applications', 'create', '--organization', '1', '--name'], "keyhouse: applications create: Option '--name <value>' argument missing"],
    [['users', 'create', '--username', 'ann', '--email', 'ann@example.com', '--organization', '1'], 'keyhouse: users create: --role is required'],
  ])('refuses %j with the usage on stderr and exit code 2', async (argv, line) => {
    const { code, stdout, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(line);
    expect(stderr).toContain('Usage: npm run keyhouse -- <command>');
  });

  it('stops on bad configuration with one line naming the variable, exit code 1', async () => {
    const { code, stderr } = await cli(['cleanup'], { DATABASE_URL: 'postgres://nope' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^keyhouse: DATABASE_URL=postgres:\/\/nope: [^\n]+\n$/);
  });

  it('generates a key pair where there is none, and never replaces one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyhouse-cli-keys-'));
    const env = keysIn(dir);
    const first = await cli(['keys', 'generate'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`private key: ${env.OAUTH_PRIVATE_KEY_PATH} (mode 0600)`);
    expect(statSync(env.OAUTH_PRIVATE_KEY_PATH).mode & 0o777).toBe(0o600);
    expect(readFileSync(env.OAUTH_PUBLIC_KEY_PATH, 'utf8')).toContain('BEGIN PUBLIC KEY');
    const privateKey = readFileSync(env.OAUTH_PRIVATE_KEY_PATH, 'utf8');

    const second = await cli(['keys', 'generate'], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(`keyhouse: OAUTH_PRIVATE_KEY_PATH=${env.OAUTH_PRIVATE_KEY_PATH}: already exists; \`keys rotate\` replaces a key pair\n`);
    expect(readFileSync(env.OAUTH_PRIVATE_KEY_PATH, 'utf8')).toBe(privateKey);
  });

  it('generates a pair of the type OAUTH_SIGNING_ALG names, and says which', async () => {
    const env = { ...keysIn(mkdtempSync(join(tmpdir(), 'keyhouse-cli-keys-'))), OAUTH_SIGNING_ALG: 'EdDSA' };
    const { code, stdout } = await cli(['keys', 'generate'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Generated an EdDSA signing key pair \(an Ed25519 key\)\.\n/);
    expect(createPrivateKey(readFileSync(env.OAUTH_PRIVATE_KEY_PATH, 'utf8')).asymmetricKeyType).toBe('ed25519');
  });

  it('refuses to write a private key next to a public key whose private half is lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyhouse-cli-keys-'));
    const env = keysIn(dir);
    await cli(['keys', 'generate'], env);
    const lonely = { ...env, OAUTH_PRIVATE_KEY_PATH: join(dir, 'other-private.pem') };
    const { code, stderr } = await cli(['keys', 'generate'], lonely);
    expect(code).toBe(1);
    expect(stderr).toContain(`OAUTH_PUBLIC_KEY_PATH=${env.OAUTH_PUBLIC_KEY_PATH}: already exists`);
    expect(existsSync(lonely.OAUTH_PRIVATE_KEY_PATH)).toBe(false);
  });
});
