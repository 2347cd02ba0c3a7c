import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Permission } from '@keyhouse/shared-contracts';

/** A named set of permissions, granted to back-office users (Oro's roles). */
@Entity('roles')
export class Role {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Stable machine name, e.g. ROLE_ADMINISTRATOR. */
  @Column({ type: 'varchar', length: 64, unique: true })
  name!: string;

  @Column({ type: 'varchar', length: 255 })
  label!: string;

  @Column({ type: 'simple-json' })
  permissions!: Permission[];
}
