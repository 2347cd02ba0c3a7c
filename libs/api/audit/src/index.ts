export { AuditEvent } from './audit-event.entity';
export { AuditModule } from './audit.module';
export type { AuditOptions } from './audit-options';
export { AuditRetention } from './audit-retention';

import { AuditEventOrganization } from './audit-event-organization.entity';
import { AuditEvent } from './audit-event.entity';

export const auditEntities = [AuditEvent, AuditEventOrganization];
