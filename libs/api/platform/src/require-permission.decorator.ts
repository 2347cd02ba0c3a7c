import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@keyhouse/shared-contracts';

export const REQUIRED_PERMISSION = 'keyhouse:permission';
export const OPERATOR_ONLY = 'keyhouse:operator-only';

/**
 * The permission a back-office route needs in at least one organization; the auth guard checks
 * it, and the service then works only where the caller holds it.
 */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

/** A route about the platform itself (organizations, platform defaults): platform operators only. */
export const PlatformOperatorOnly = () => SetMetadata(OPERATOR_ONLY, true);
