import { applicationEntities } from '@keyhouse/api-applications';
import { auditEntities } from '@keyhouse/api-audit';
import { identityEntities } from '@keyhouse/api-identity';
import { keyEntities } from '@keyhouse/api-keys';
import { notificationEntities } from '@keyhouse/api-notifications';
import { oauthEntities } from '@keyhouse/api-oauth';

/** Every library's entities: the one model both dialects share. */
export const ENTITIES = [...identityEntities, ...applicationEntities, ...oauthEntities, ...keyEntities, ...notificationEntities, ...auditEntities];
