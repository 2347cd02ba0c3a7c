import 'reflect-metadata';
import { rotateSigningKeys } from '@keyhouse/api-keys';
import { describeDatabase, migrate, openDatabase } from '@keyhouse/api-persistence';
import { loadConfig } from './config/app-config';
import { ENTITIES } from './entities';

/**
 * `npm run keys:rotate`: a new signing key pair replaces the one at OAUTH_PRIVATE_KEY_PATH /
 * OAUTH_PUBLIC_KEY_PATH; the old public key keeps verifying until its tokens have expired.
 */
async function run(): Promise<void> {
  const config = loadConfig(process.env);
  const dataSource = await openDatabase(config.database, ENTITIES, { waitMs: config.database.waitSeconds * 1000 });
  try {
    await migrate(dataSource);
    const { retiredKid, newKid, verifyUntil } = await rotateSigningKeys(config.keys, dataSource);
    process.stdout.write(
      [
        `Rotated the signing key of ${describeDatabase(config.database)}.`,
        `  new key:     ${newKid} (${config.keys.privateKeyPath})`,
        `  retired key: ${retiredKid}, still verifying until ${verifyUntil.toISOString()}`,
        'Instances sharing these key files sign with the new key within 30 seconds; restart the others.',
        '',
      ].join('\n'),
    );
  } finally {
    await dataSource.destroy();
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`keyhouse keys:rotate: ${(error as Error).message}\n`);
  process.exit(1);
});
