import type { TemplateAudience } from '@keyhouse/shared-contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SettingOrganization } from './setting-organization';

/**
 * The subject and HTML body of one event's email, for one audience and locale; editable in the
 * console. Without an organization it is the platform's; with one, that organization's own text,
 * used only for mail about its applications.
 */
@Entity('email_templates')
// One template per event, audience and locale in each organization. Platform templates (NULL) are
// not covered by the index (MySQL and SQLite let several NULLs through): they are created under
// a lock instead (NotificationRulesRepository.lockEvent).
@Index('UQ_email_templates_organization_event_audience_locale', ['organizationId', 'event', 'audience', 'locale'], { unique: true })
export class EmailTemplate {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  event!: string;

  @Column({ type: 'varchar', length: 16 })
  audience!: TemplateAudience;

  @Column({ type: 'varchar', length: 16 })
  locale!: string;

  /** Null: the platform's template; else the organization whose mail it writes. */
  @Column({ type: 'int', nullable: true })
  organizationId!: number | null;

  // By name: notifications never import the identity library.
  @ManyToOne('Organization', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizationId', foreignKeyConstraintName: 'FK_email_templates_organization' })
  organization?: SettingOrganization | null;

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @UpdateDateColumn()
  updatedAt!: Date;
}
