import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SettingOrganization } from './setting-organization';

/**
 * Who is told of one event (Oro's notification rules); editable in the console. A rule without
 * an organization is the platform default; one with an organization overrides it for mail about
 * that organization's applications.
 */
@Entity('notification_rules')
// One override per event and organization. Platform defaults (NULL) are not covered by the index
// (MySQL and SQLite let several NULLs through): the API never creates one, only migrations do.
@Index('UQ_notification_rules_organization_event', ['organizationId', 'event'], { unique: true })
export class NotificationRule {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  event!: string;

  /** Null: the platform default; else the organization whose mail this rule decides. */
  @Column({ type: 'int', nullable: true })
  organizationId!: number | null;

  // By name: notifications never import the identity library.
  @ManyToOne('Organization', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizationId', foreignKeyConstraintName: 'FK_notification_rules_organization' })
  organization?: SettingOrganization | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** The primary email of the user (or customer user) the application acts as. */
  @Column({ type: 'boolean', default: true })
  notifyOwner!: boolean;

  /** Every administrator of the application's organization. */
  @Column({ type: 'boolean', default: false })
  notifyOrganizationAdmins!: boolean;

  @Column({ type: 'simple-json' })
  extraRecipients!: string[];

  @UpdateDateColumn()
  updatedAt!: Date;
}
