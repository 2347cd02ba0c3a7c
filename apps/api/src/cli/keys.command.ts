import { generateSigningKeys, keyNeededBy, rotateSigningKeys, thumbprint } from '@keyhouse/api-keys';
import { describeDatabase } from '@keyhouse/api-persistence';
import type { AppConfig } from '../config/app-config';
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
