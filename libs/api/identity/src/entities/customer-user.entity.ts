import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from './organization.entity';

/** A storefront user: signs in on the storefront, never to the console. */
@Entity('customer_users')
export class CustomerUser {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Stored lower-case; the storefront sign-in name. */
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

  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash!: string;

  @Index()
  @Column({ type: 'int' })
  organizationId!: number;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Organization;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
