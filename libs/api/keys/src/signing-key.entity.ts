import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A public signing key any instance may verify with. Every instance registers the key it signs
 * with; a rotated-out key stays until the last token it signed has expired.
 */
@Entity('oauth_signing_keys')
export class SigningKeyRecord {
  /** RFC 7638 thumbprint. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  kid!: string;

  @Column({ type: 'text' })
  publicKey!: string;

  @CreateDateColumn()
  createdAt!: Date;

  /** Set by a rotation: no new tokens are signed with it, it verifies until `verifyUntil`. */
  @Column({ type: 'datetime', nullable: true })
  verifyUntil!: Date | null;
}
