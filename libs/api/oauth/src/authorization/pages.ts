import { createHash } from 'node:crypto';
import { MAX_LOGIN_LENGTH } from '@keyhouse/api-identity';

/**
 * The server-rendered pages of the authorization flow: sign-in, consent, and errors. Plain HTML
 * with one inline stylesheet and no script, so the content security policy can forbid everything
 * else (and framing: clickjacking a consent page grants access).
 */

const STYLESHEET = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f2f4f7; color: #1d2733; }
main { width: min(440px, calc(100vw - 32px)); background: #fff; border-radius: 10px; box-shadow: 0 2px 12px rgba(16, 24, 40, .12); padding: 32px; box-sizing: border-box; }
.brand { margin: 0 0 20px; font-size: 14px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; color: #2b5797; }
h1 { margin: 0 0 12px; font-size: 22px; }
p { line-height: 1.5; margin: 0 0 12px; }
.muted { color: #5b6675; font-size: 14px; }
ul.scopes { margin: 0 0 16px; padding-left: 20px; }
ul.scopes li { margin: 4px 0; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 14px; }
label { display: block; font-weight: 600; font-size: 14px; margin: 16px 0 6px; }
input, select { width: 100%; box-sizing: border-box; padding: 10px 12px; font: inherit; border: 1px solid #b8c0cc; border-radius: 6px; }
input:focus, select:focus, button:focus-visible { outline: 3px solid #9cc3f5; outline-offset: 1px; }
.actions { display: flex; gap: 12px; justify-content: flex-end; margin-top: 24px; }
button { font: inherit; font-weight: 600; padding: 10px 20px; border-radius: 6px; border: 1px solid #2b5797; cursor: pointer; }
button.primary { background: #2b5797; color: #fff; }
button.secondary { background: #fff; color: #2b5797; }
.switch { margin-top: 20px; text-align: center; }
button.link { border: none; background: none; padding: 4px; color: #2b5797; font-weight: 400; text-decoration: underline; }
.error { background: #fdecea; color: #8a1c12; border-radius: 6px; padding: 10px 12px; }
`;

/** For the `style-src` of the content security policy: exactly this stylesheet and nothing else. */
export const STYLESHEET_HASH = `'sha256-${createHash('sha256').update(STYLESHEET).digest('base64')}'`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · Keyhouse</title>
<style>${STYLESHEET}</style>
</head>
<body>
<main>
<p class="brand">Keyhouse</p>
${body}
</main>
</body>
</html>`;
}

const hiddenFields = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');

export interface SignInPageOptions {
  audience: 'back-office' | 'storefront';
  returnTo: string;
  csrfToken: string;
  username?: string;
  error?: string;
}

export function signInPage({ audience, returnTo, csrfToken, username, error }: SignInPageOptions): string {
  const storefront = audience === 'storefront';
  return page(
    'Sign in',
    `<h1>Sign in</h1>
<p class="muted">${storefront ? 'Sign in with your store account to continue.' : 'Sign in with your back-office account to continue.'}</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/oauth2-token/sign-in">
${hiddenFields({ return_to: returnTo, audience, csrf_token: csrfToken })}
<label for="username">${storefront ? 'Email' : 'Username or email'}</label>
<input id="username" name="username" autocomplete="username" required autofocus maxlength="${MAX_LOGIN_LENGTH}" value="${escapeHtml(username ?? '')}"${storefront ? ' type="email"' : ''}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions"><button class="primary" type="submit">Sign in</button></div>
</form>`,
  );
}

export interface ConsentPageOptions {
  applicationName: string;
  publisher: string;
  signedInAs: string;
  scopes: string[];
  organizations: Array<{ id: number; name: string }>;
  redirectHost: string;
  /** The request's parameters and the CSRF token, carried back by the form. */
  fields: Record<string, string>;
  /** For "use another account": where to come back to, on which side. */
  switchAccount: { returnTo: string; audience: 'back-office' | 'storefront' };
}

export function consentPage(options: ConsentPageOptions): string {
  const { applicationName, publisher, signedInAs, scopes, organizations, redirectHost, fields, switchAccount } = options;
  const app = escapeHtml(applicationName);
  const organizationChoice =
    organizations.length > 1
      ? `<label for="organization">Install in organization</label>
<select id="organization" name="organization_id">${organizations.map((o) => `<option value="${o.id}">${escapeHtml(o.name)}</option>`).join('')}</select>`
      : `<p>It will be installed in <strong>${escapeHtml(organizations[0]?.name ?? '')}</strong>.</p>
${hiddenFields({ organization_id: String(organizations[0]?.id ?? '') })}`;
  const access = scopes.length
    ? `<p>It asks to:</p>\n<ul class="scopes">${scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('')}</ul>`
    : `<p>It asks to use the API as you, with no particular scope.</p>`;
  return page(
    `Authorize ${applicationName}`,
    `<h1>Authorize ${app}</h1>
<p><strong>${app}</strong> by ${escapeHtml(publisher)} wants to access your account.</p>
<p class="muted">Signed in as ${escapeHtml(signedInAs)}.</p>
<form method="post" action="/oauth2-token/authorize">
${hiddenFields(fields)}
${access}
${organizationChoice}
<p class="muted">After your answer you will be sent to ${escapeHtml(redirectHost)}.</p>
<div class="actions">
<button class="secondary" type="submit" name="decision" value="deny">Deny</button>
<button class="primary" type="submit" name="decision" value="allow" autofocus>Allow</button>
</div>
</form>
<form method="post" action="/oauth2-token/sign-out" class="switch">
${hiddenFields({ csrf_token: fields['csrf_token'] ?? '', return_to: switchAccount.returnTo, audience: switchAccount.audience })}
<button class="link" type="submit">Not you? Use another account</button>
</form>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p class="error" role="alert">${escapeHtml(message)}</p>\n<p class="muted">You can close this page and go back to the application.</p>`);
}
