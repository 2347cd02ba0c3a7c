import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

/**
 * One organization an audit row concerns: whoever may view the trail there may read the row.
 * Written with the row, deleted with it; no key points to the organization, which the history
 * outlives. Indexed by organization first: that is how every reader but an operator looks.
 */
@Entity('audit_event_organizations')
@Index('IDX_audit_event_organizations_organization', ['organizationId', 'eventId'])
export class AuditEventOrganization {
  @PrimaryColumn({ type: 'int' })
  eventId!: number;

  @PrimaryColumn({ type: 'int' })
  organizationId!: number;

  @ManyToOne(() => AuditEvent, (event) => event.organizations, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'eventId', foreignKeyConstraintName: 'FK_audit_event_organizations_event' })
  event?: Relation<AuditEvent>;
}
