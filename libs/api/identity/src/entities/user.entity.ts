import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Membership } from './membership.entity';

/** A back-office user: signs in to the console, belongs to organizations with roles in each. */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Stored lower-case so sign-in matches the same way on MySQL and SQLite. */
  @Column({ type: 'varchar', length: 180, unique: true })
  username!: string;

  /** Stored lower-case; the user may also sign in with it. */
  @Column({ type: 'varchar', length: 255, unique: true })
  email!: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  firstName!: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  lastName!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** Picks the language of the emails they receive; templates fall back to English. */
  @Column({ type: 'varchar', length: 16, default: 'en' })
  locale!: string;

  /** Manages every organization and the platform's defaults, member or not. */
  @Column({ type: 'boolean', default: false })
  platformOperator!: boolean;

  /** scrypt digest in the self-describing format of `PasswordHasher`; never leaves the server. */
  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash!: string;

  @OneToMany(() => Membership, (membership) => membership.user)
  memberships!: Membership[];

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
