import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * A console session. Kept in the database so any instance can serve any request; the cookie
 * carries a random token and only its SHA-256 digest is stored here.
 */
@Entity('admin_sessions')
export class AdminSession {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenDigest!: string;

  @Index()
  @Column({ type: 'int' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 64 })
  csrfToken!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @Index()
  @Column({ type: 'datetime' })
  expiresAt!: Date;
}
