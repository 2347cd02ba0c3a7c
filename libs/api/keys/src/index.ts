export * from './keys-options';
export * from './keys.module';
export { generateSigningKeys, KeyFileError, type SigningKeyPair } from './signing-keys';
export { SigningKeysService } from './signing-keys.service';
export * from './jwk';
export type { ActiveSigningKey, VerificationKey } from './signing-keys.service';
export { SigningKeyRecord } from './signing-key.entity';
export * from './rotate-signing-keys';
export { isSigningAlgorithm, keyNeededBy, signWith, SIGNING_ALGORITHMS, verifyWith, type SigningAlgorithm } from './signing-algorithms';

import { SigningKeyRecord } from './signing-key.entity';

export const keyEntities = [SigningKeyRecord];
