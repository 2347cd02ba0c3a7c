import { ForbiddenException } from '@nestjs/common';
import type { Permission } from '@keyhouse/shared-contracts';
import type { Reach } from './reach';

/** 403 unless the reach holds the permission in that organization; what belongs to no organization (null) is the platform's: operators only. */
export function assertCan(reach: Reach, permission: Permission, organizationId: number | null): void {
  if (organizationId === null ? !reach.platformOperator : !reach.can(permission, organizationId)) {
    throw new ForbiddenException({ message: `You need the "${permission}" permission in this organization for this.` });
  }
}

/** 403 unless the reach is a platform operator's. */
export function assertPlatformOperator(reach: Reach, what: string): void {
  if (!reach.platformOperator) throw new ForbiddenException({ message: `Only a platform operator can ${what}.` });
}
