export * from './keys-options';
export * from './keys.module';
export { generateSigningKeys, KeyFileError, type SigningKeyPair } from './signing-keys';
export { SigningKeysService } from './signing-keys.service';
export * from './jwk';
export type { ActiveSigningKey } from './signing-keys.service';
export { SigningKeyRecord } from './signing-key.entity';
export * from './rotate-signing-keys';

import { SigningKeyRecord } from './signing-key.entity';

export const keyEntities = [SigningKeyRecord];
