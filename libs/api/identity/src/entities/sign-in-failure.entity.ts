import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ThrottleScope = 'username' | 'ip';

/** One failed console sign-in, counted per username and per client IP within a sliding window. */
@Entity('sign_in_failures')
@Index(['scope', 'subject', 'failedAt'])
export class SignInFailure {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  scope!: ThrottleScope;

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @Column({ type: 'datetime' })
  failedAt!: Date;
}
