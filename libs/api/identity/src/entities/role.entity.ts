import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Permission } from '@keyhouse/shared-contracts';
import { Organization } from './organization.entity';

/** A named set of permissions, held through memberships (Oro's roles). */
@Entity('roles')
export class Role {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Stable machine name, e.g. ROLE_ADMINISTRATOR; unique across the platform. */
  @Column({ type: 'varchar', length: 64, unique: true })
  name!: string;

  @Column({ type: 'varchar', length: 255 })
  label!: string;

  @Column({ type: 'simple-json' })
  permissions!: Permission[];

  /** Null: a platform role, assignable in every organization; else that organization's own. */
  @Index('IDX_roles_organization')
  @Column({ type: 'int', nullable: true })
  organizationId!: number | null;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Organization | null;
}
