import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A private_key_jwt assertion already used (RFC 7523 3, item 7; OpenID Connect Core 1.0 9: the
 * jti "MUST only be used once"): its `jti` is refused again, on every instance, until the assertion
 * could no longer be accepted anyway. One insert into the primary key decides.
 */
@Entity('oauth_used_client_assertions')
// The cleanup deletes the rows of assertions that have expired.
@Index('IDX_oauth_used_client_assertions_expires', ['expiresAt'])
export class UsedClientAssertion {
  /**
   * SHA-256 (hex) of the application's id and the jti: a jti is the client's own to choose, so it
   * is unique per application only, of any length and letter case; the key stays fixed and exact.
   */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  digest!: string;

  @Column({ type: 'datetime' })
  expiresAt!: Date;
}
