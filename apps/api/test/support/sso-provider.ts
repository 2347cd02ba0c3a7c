import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '../../../../tools/sso-test-provider.mjs');

export interface SsoProvider {
  issuer: string;
  /** The SSO_* settings of a Keyhouse that signs in through this provider. */
  settings: Record<string, string>;
  stop(): Promise<void>;
}

/** The test provider (tools/sso-test-provider.mjs) in its own process, with one client for `redirectUri`. */
export async function startSsoProvider({ clientId, clientSecret, redirectUri }: { clientId: string; clientSecret: string; redirectUri: string }): Promise<SsoProvider> {
  const child: ChildProcess = spawn(process.execPath, [SCRIPT], {
    env: { PATH: process.env['PATH'], PORT: '0', CLIENT_ID: clientId, CLIENT_SECRET: clientSecret, REDIRECT_URI: redirectUri },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const issuer = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the SSO test provider did not start: ${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += String(chunk);
      const started = /listening on (\S+)/.exec(output);
      if (started) {
        clearTimeout(timer);
        resolve(started[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += String(chunk)));
    child.on('exit', (code) => reject(new Error(`the SSO test provider exited with ${code}: ${output}`)));
  });
  return {
    issuer,
    settings: {
      SSO_AUTHORIZATION_URL: `${issuer}/auth`,
      SSO_TOKEN_URL: `${issuer}/token`,
      SSO_USERINFO_URL: `${issuer}/me`,
      SSO_CLIENT_ID: clientId,
      SSO_CLIENT_SECRET: clientSecret,
      SSO_SCOPE: 'openid email',
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
