import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@keyhouse/shared-contracts';

export const REQUIRED_PERMISSION = 'keyhouse:permission';

/** The permission a back-office route needs; the auth guard checks it against the caller's roles. */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);
