import type { SeededAdmin } from '@keyhouse/api-identity';

/**
 * Printed once, straight to the terminal rather than through the logger: a generated password
 * must reach the person starting Keyhouse and never a log pipeline.
 */
export function printFirstAdmin({ username, generatedPassword }: SeededAdmin, issuer: string): void {
  const lines = [`First administrator created: ${username}`];
  if (generatedPassword) {
    lines.push(`Generated password: ${generatedPassword}`, 'It is shown only this once: sign in and keep it somewhere safe.');
  } else {
    lines.push('Password: the one given in ADMIN_PASSWORD.');
  }
  lines.push(`Console: ${issuer}/admin`);
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const rule = '='.repeat(width);
  process.stdout.write(`\n${rule}\n${lines.map((line) => `  ${line}`).join('\n')}\n${rule}\n\n`);
}
