import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { OAuthApplication } from './oauth-application.entity';

/**
 * One secret of an application. Only its SHA-256 digest is kept: secrets are 256-bit random,
 * so a fast digest is enough (DESIGN.md section 4). Several may be live at once during a rotation.
 */
@Entity('oauth_client_secrets')
// The expiry check reads the secrets expiring within the next days that no one was warned of yet.
@Index('IDX_oauth_client_secrets_expiry', ['expiresAt', 'expiryWarnedAt'])
export class ClientSecret {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index()
  @Column({ type: 'int' })
  applicationId!: number;

  @ManyToOne('OAuthApplication', 'secrets', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicationId' })
  application?: OAuthApplication;

  @Column({ type: 'varchar', length: 64, select: false })
  digest!: string;

  @CreateDateColumn()
  createdAt!: Date;

  /** Null: valid until replaced or revoked. */
  @Column({ type: 'datetime', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'datetime', nullable: true })
  lastUsedAt!: Date | null;

  /** When the owner was told it is about to expire: set by exactly one instance, so one mail goes out. */
  @Column({ type: 'datetime', nullable: true })
  expiryWarnedAt!: Date | null;
}
