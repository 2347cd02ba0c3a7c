import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { AuditEventOrganization } from './audit-event-organization.entity';

/**
 * The audit trail: appended to, never updated, deleted only by retention. Names are copied in
 * and no foreign key points anywhere else, so the history outlives what it talks about.
 */
@Entity('audit_events')
@Index('IDX_audit_events_target', ['targetType', 'targetId'])
@Index('IDX_audit_events_actor', ['actorUserId', 'at'])
export class AuditEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_audit_events_at')
  @CreateDateColumn({ precision: 6 })
  at!: Date;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'int', nullable: true })
  actorUserId!: number | null;

  @Column({ type: 'varchar', length: 255 })
  actorName!: string;

  /** The application the actor acted through (an access token, a password sign-in), if any. */
  @Column({ type: 'int', nullable: true })
  applicationId!: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  applicationClientId!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  applicationName!: string | null;

  @Column({ type: 'varchar', length: 64 })
  targetType!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  targetId!: string | null;

  @Column({ type: 'varchar', length: 255 })
  targetName!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'text', nullable: true })
  before!: string | null;

  @Column({ type: 'text', nullable: true })
  after!: string | null;

  /** The organizations it concerns; none: the platform itself. */
  @OneToMany(() => AuditEventOrganization, (concern) => concern.event)
  organizations?: Relation<AuditEventOrganization>[];
}
