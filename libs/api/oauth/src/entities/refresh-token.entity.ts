import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TokenFamily } from './token-family.entity';

/** One refresh token, by digest. Used once: using it sets `usedAt`, atomically, and issues the next. */
@Entity('oauth_refresh_tokens')
export class RefreshToken {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  digest!: string;

  @Index()
  @Column({ type: 'varchar', length: 32 })
  familyId!: string;

  @ManyToOne(() => TokenFamily, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'familyId' })
  family?: TokenFamily;

  @CreateDateColumn()
  createdAt!: Date;

  @Column({ type: 'datetime' })
  expiresAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  usedAt!: Date | null;
}
