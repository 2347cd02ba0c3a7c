import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { OAuthApplication } from './oauth-application.entity';

/** Long enough for any IPv6 address in text form (45 characters), zone included. */
export const CLIENT_ADDRESS_LENGTH = 64;

/**
 * Wrong client secrets presented for one application from one client address. Failures are
 * counted in a window that opens with the first one; the one that reaches the limit throttles
 * that address alone, so nobody who knows a client ID (it is public) can shut the application's
 * own clients out (DESIGN.md section 4). Rows only change by atomic upserts, so any number of
 * instances count together; the key is the pair itself, like the usage table's.
 */
@Entity('oauth_client_auth_throttles')
// The cleanup deletes the rows whose window and throttle have both ended.
@Index('IDX_oauth_client_auth_throttles_window', ['windowEndsAt'])
export class ClientAuthThrottle {
  @PrimaryColumn({ type: 'int' })
  applicationId!: number;

  @ManyToOne('OAuthApplication', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicationId', foreignKeyConstraintName: 'FK_oauth_client_auth_throttles_application' })
  application?: OAuthApplication;

  @PrimaryColumn({ type: 'varchar', length: CLIENT_ADDRESS_LENGTH })
  address!: string;

  /** Wrong secrets since the window opened. */
  @Column({ type: 'int' })
  failures!: number;

  /** Past it, the next failure starts a new window from one. */
  @Column({ type: 'datetime' })
  windowEndsAt!: Date;

  /** Set by the failure that reached the limit: until then the address is refused before any secret is compared. */
  @Column({ type: 'datetime', nullable: true })
  throttledUntil!: Date | null;
}
