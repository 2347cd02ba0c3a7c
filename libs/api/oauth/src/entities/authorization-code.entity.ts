import { OAuthApplication } from '@keyhouse/api-applications';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Installation } from './installation.entity';
import { TokenFamily } from './token-family.entity';

/**
 * RFC 6749 4.1.2: a short-lived, single-use code, stored by digest. Its token family exists from
 * the start, so a replayed code can revoke whatever the first redemption issued (4.1.2, RFC 9700 4.5).
 */
@Entity('oauth_authorization_codes')
export class AuthorizationCode {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  digest!: string;

  @Index('IDX_oauth_authorization_codes_application')
  @Column({ type: 'int' })
  applicationId!: number;

  @ManyToOne(() => OAuthApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicationId' })
  application?: OAuthApplication;

  @Index('IDX_oauth_authorization_codes_installation')
  @Column({ type: 'int' })
  installationId!: number;

  @ManyToOne(() => Installation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'installationId' })
  installation?: Installation;

  @Index('IDX_oauth_authorization_codes_family')
  @Column({ type: 'varchar', length: 32 })
  familyId!: string;

  @ManyToOne(() => TokenFamily, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'familyId' })
  family?: TokenFamily;

  @Column({ type: 'varchar', length: 2000 })
  redirectUri!: string;

  /** 4.1.3: the token request must repeat redirect_uri when the authorization request sent it. */
  @Column({ type: 'boolean' })
  redirectUriSent!: boolean;

  @Column({ type: 'text' })
  scope!: string;

  @Column({ type: 'varchar', length: 128, nullable: true })
  codeChallenge!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  codeChallengeMethod!: 'S256' | 'plain' | null;

  /** OpenID Connect Core 3.1.2.1: the authorization request's nonce, for the ID token to repeat. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  nonce!: string | null;

  /** When the user signed in (Core 2, `auth_time`); null when the code came from no sign-in session. */
  @Column({ type: 'datetime', nullable: true })
  authTime!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;

  @Index('IDX_oauth_authorization_codes_expires')
  @Column({ type: 'datetime' })
  expiresAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  usedAt!: Date | null;
}
