import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from './organization.entity';
import { Role } from './role.entity';

/** A back-office user: signs in to the console, belongs to organizations, holds roles. */
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

  /** scrypt digest in the self-describing format of `PasswordHasher`; never leaves the server. */
  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash!: string;

  @ManyToMany(() => Organization)
  @JoinTable({ name: 'user_organizations', joinColumn: { name: 'userId' }, inverseJoinColumn: { name: 'organizationId' } })
  organizations!: Organization[];

  @ManyToMany(() => Role)
  @JoinTable({ name: 'user_roles', joinColumn: { name: 'userId' }, inverseJoinColumn: { name: 'roleId' } })
  roles!: Role[];

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
