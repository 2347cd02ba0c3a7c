import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/**
 * One email to send, written in the same transaction as the change that caused it, then
 * delivered by a worker: a crash between the two only delays it.
 */
@Entity('notification_outbox')
@Index('IDX_notification_outbox_due', ['status', 'nextAttemptAt'])
export class OutboxEmail {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  event!: string;

  /** The organization the mail is about: only its members see it in the console. */
  @Index()
  @Column({ type: 'int', nullable: true })
  organizationId!: number | null;

  @Column({ type: 'varchar', length: 255 })
  recipient!: string;

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @Column({ type: 'text' })
  html!: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'datetime' })
  nextAttemptAt!: Date;

  /** A worker's claim: others leave the row alone until then, so one mail is sent by one worker. */
  @Column({ type: 'datetime', nullable: true })
  lockedUntil!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  sentAt!: Date | null;
}
