import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Whose count a row is in: an account's at one address (see `accountCounter`) or an origin's (a client address, or an application and address). */
export type ThrottleScope = 'account' | 'ip';

/**
 * One sign-in attempt, counted per account at its address and per origin within a sliding window: reserved
 * before its password is checked, kept as a failure if the password was wrong.
 */
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
