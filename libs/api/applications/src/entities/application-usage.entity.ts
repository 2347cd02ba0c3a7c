import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { OAuthApplication } from './oauth-application.entity';

/**
 * What happened to one application on one UTC day. Each instance counts in memory and adds its
 * counts in batches (see addApplicationUsage), so rows only ever grow by addition and any number
 * of instances add up. The key is the pair itself: a surrogate auto-increment id would be spent
 * by every upsert, millions a day.
 */
@Entity('oauth_application_usage')
// The cleanup deletes the days no usage request can ask for any more.
@Index('IDX_oauth_application_usage_day', ['day'])
export class ApplicationUsage {
  @PrimaryColumn({ type: 'int' })
  applicationId!: number;

  @ManyToOne('OAuthApplication', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicationId', foreignKeyConstraintName: 'FK_oauth_application_usage_application' })
  application?: OAuthApplication;

  /** `YYYY-MM-DD`, UTC; read back as that string on both databases. */
  @PrimaryColumn({ type: 'date', utc: true })
  day!: string;

  @Column({ type: 'int', default: 0 })
  tokensIssued!: number;

  @Column({ type: 'int', default: 0 })
  failedAuthentications!: number;
}
