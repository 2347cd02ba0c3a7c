import { applicationEntities } from '@keyhouse/api-applications';
import { identityEntities } from '@keyhouse/api-identity';

/** Every library's entities: the one model both dialects share. */
export const ENTITIES = [...identityEntities, ...applicationEntities];
