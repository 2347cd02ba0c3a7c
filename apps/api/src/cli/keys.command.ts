import { generateSigningKeys, keyNeededBy, retireSigningKey, rotateSigningKeys, thumbprint } from '@keyhouse/api-keys';
import { describeDatabase } from '@keyhouse/api-persistence';
import type { AppConfig } from '../config/app-config';
import { CommandError } from './cli-errors';
import { parseCommandLine } from './command-line';
import { withDatabase } from './context';

/** `keys generate`: only files, no database; instances register the public key when they start. */
export async function generateKeys(args: string[], config: AppConfig): Promise<string> {
  parseCommandLine('keys generate', args, {});
  const { alg, publicKey } = generateSigningKeys(config.keys);
  return [
    `Generated an ${alg} signing key pair (${keyNeededBy(alg)}).`,
    `  private key: ${config.keys.privateKeyPath} (mode 0600)`,
    `  public key:  ${config.keys.publicKeyPath}`,
    `  key id:      ${thumbprint(publicKey)}`,
  ].join('\n');
}

/** `keys rotate` (and `npm run keys:rotate`): the new pair is of OAUTH_SIGNING_ALG's type, whatever the old one's. */
export async function rotateKeys(args: string[], config: AppConfig): Promise<string> {
  parseCommandLine('keys rotate', args, {});
  const { retiredKid, retiredAlg, newKid, newAlg, verifyUntil } = await withDatabase(config, (dataSource) => rotateSigningKeys(config.keys, dataSource));
  return [
    `Rotated the signing key of ${describeDatabase(config.database)}.`,
    `  new key:     ${newKid} (${newAlg}, ${config.keys.privateKeyPath})`,
    `  retired key: ${retiredKid} (${retiredAlg}), still verifying until ${verifyUntil.toISOString()}`,
    'Instances sharing these key files sign with the new key within 30 seconds; restart the others.',
    ...(newAlg !== retiredAlg ? [`Every instance needs OAUTH_SIGNING_ALG=${newAlg} from its next start.`] : []),
  ].join('\n');
}

/** `keys retire <kid>`: an old key that key files replaced on every instance leaves once its tokens have expired. */
export async function retireKey(args: string[], config: AppConfig): Promise<string> {
  const [kid] = parseCommandLine('keys retire', args, {}, ['kid']).positionals;
  const retirement = await withDatabase(config, (dataSource) => retireSigningKey(config.keys, dataSource, kid));
  if (!retirement) throw new CommandError(`keys retire: no signing key "${kid}" is registered in ${describeDatabase(config.database)}`);
  const key = `${kid} (${retirement.alg ?? 'no algorithm this server signs with'})`;
  if (retirement.alreadyRetired) return `Signing key ${key} was already retired: it verifies until ${retirement.verifyUntil.toISOString()}.`;
  return [
    `Retired signing key ${key} of ${describeDatabase(config.database)}: it verifies until ${retirement.verifyUntil.toISOString()}, then leaves the JWKS.`,
    'Tokens an instance still signs with it stop verifying then: every instance must be signing with its new key.',
  ].join('\n');
}
