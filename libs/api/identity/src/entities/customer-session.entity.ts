import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CustomerUser } from './customer-user.entity';

/**
 * A storefront customer user's session, opened on the authorization server's sign-in page so
 * they can consent to storefront applications. Stored like console sessions: digest only.
 */
@Entity('customer_sessions')
export class CustomerSession {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenDigest!: string;

  @Index('IDX_customer_sessions_customer')
  @Column({ type: 'int' })
  customerUserId!: number;

  @ManyToOne(() => CustomerUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customerUserId' })
  customerUser?: CustomerUser;

  @Column({ type: 'varchar', length: 64 })
  csrfToken!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @Index('IDX_customer_sessions_expires')
  @Column({ type: 'datetime' })
  expiresAt!: Date;
}
