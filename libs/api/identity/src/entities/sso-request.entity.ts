import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One redirect to the single sign-on provider, waiting for its callback: kept in the database so
 * that the callback may land on any instance. Found by the digest of its `state`, answered only
 * to the browser it was given to (the digest of that browser's cookie), once, for ten minutes.
 */
@Entity('sso_requests')
@Index('IDX_sso_requests_ip_expires', ['ip', 'expiresAt'])
export class SsoRequest {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  stateDigest!: string;

  @Column({ type: 'varchar', length: 64 })
  browserDigest!: string;

  /** RFC 7636: sent with the code, which only this browser's callback carries. */
  @Column({ type: 'varchar', length: 128 })
  codeVerifier!: string;

  @Index('IDX_sso_requests_expires')
  @Column({ type: 'datetime' })
  expiresAt!: Date;

  /** The client address the sign-in started from (see TRUST_PROXY): its unfinished ones are counted. */
  @Column({ type: 'varchar', length: 45 })
  ip!: string;
}
