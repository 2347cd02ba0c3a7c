import { OAuthApplication } from '@keyhouse/api-applications';
import { CustomerUser, Organization, User } from '@keyhouse/api-identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SubjectType } from '../subjects';

/**
 * An application installed in an organization by one user's consent. Every code, and so every
 * token family, issued under it points here: deleting the row (uninstall) takes them all.
 */
@Entity('oauth_installations')
@Index('UQ_oauth_installations_consent', ['applicationId', 'organizationId', 'subjectType', 'subjectId'], { unique: true })
@Index('IDX_oauth_installations_subject', ['subjectType', 'subjectId'])
export class Installation {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  applicationId!: number;

  @ManyToOne(() => OAuthApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicationId' })
  application?: OAuthApplication;

  @Index('IDX_oauth_installations_organization')
  @Column({ type: 'int' })
  organizationId!: number;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Organization;

  /** 'user' for back-office users, 'customer' for customer users. */
  @Column({ type: 'varchar', length: 16 })
  subjectType!: SubjectType;

  @Column({ type: 'int' })
  subjectId!: number;

  /** Space-separated: every scope consented to so far (a later consent adds to it). */
  @Column({ type: 'text' })
  scope!: string;

  /** Loaded by lists, from subjectType and subjectId (no foreign key can point at either table). */
  user?: User | null;
  customerUser?: CustomerUser | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
