import { OAuthApplication } from '@keyhouse/api-applications';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * Everything issued from one grant (a password sign-in, later an authorization code): its
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
