import { OAuthApplication } from '@keyhouse/api-applications';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Installation } from './installation.entity';

/**
 * Everything issued from one grant (a password sign-in, an authorization code): its
 * refresh tokens and the access tokens they yield carry the family id, so one revocation ends
 * all of them (RFC 9700 4.14.2: a reused refresh token revokes the family).
 */
@Entity('oauth_token_families')
export class TokenFamily {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Index()
  @Column({ type: 'int' })
  applicationId!: number;

  @ManyToOne(() => OAuthApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicationId' })
  application?: OAuthApplication;

  /**
   * Set for grants given by consent (authorization code); uninstalling deletes the family. No
   * foreign key: SQLite could only add one by rebuilding the table, which would cascade-delete
   * every refresh token in it. A family whose installation is gone counts as revoked.
   */
  @Index('IDX_oauth_token_families_installation')
  @Column({ type: 'int', nullable: true })
  installationId!: number | null;

  @ManyToOne(() => Installation, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'installationId' })
  installation?: Installation | null;

  /** 'user' for back-office users, 'customer' for customer users. */
  @Column({ type: 'varchar', length: 16 })
  subjectType!: 'user' | 'customer';

  @Column({ type: 'int' })
  subjectId!: number;

  /** Space-separated; a refresh can narrow it, never widen it. */
  @Column({ type: 'text' })
  scope!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  revokedAt!: Date | null;
}
