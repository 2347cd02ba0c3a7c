import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An access token revoked before its expiry (RFC 7009); kept only until it would have expired. */
@Entity('oauth_revoked_access_tokens')
export class RevokedAccessToken {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  jti!: string;

  @Index()
  @Column({ type: 'datetime' })
  expiresAt!: Date;
}
