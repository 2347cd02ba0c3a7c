export { AuditEvent } from './audit-event.entity';
export { AuditModule } from './audit.module';
export type { AuditOptions } from './audit-options';
export { AuditRetention } from './audit-retention';

import { AuditEvent } from './audit-event.entity';

export const auditEntities = [AuditEvent];
