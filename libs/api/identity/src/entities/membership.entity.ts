import { Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organization } from './organization.entity';
import { Role } from './role.entity';
import { User } from './user.entity';

/**
 * A user's place in one organization, and the roles they hold there: the same person can
 * administer one organization and only use another. (The table keeps its first name, from when
 * users simply belonged to organizations.)
 */
@Entity('user_organizations')
export class Membership {
  @PrimaryColumn({ type: 'int' })
  @Index('IDX_11d4cd5202bd8914464f4bec37')
  userId!: number;

  @PrimaryColumn({ type: 'int' })
  @Index('IDX_71997faba4726730e91d514138')
  organizationId!: number;

  @ManyToOne(() => User, (user) => user.memberships, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_11d4cd5202bd8914464f4bec379' })
  user?: Relation<User>;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'organizationId', foreignKeyConstraintName: 'FK_71997faba4726730e91d514138e' })
  organization?: Organization;

  @ManyToMany(() => Role)
  @JoinTable({
    name: 'membership_roles',
    joinColumns: [
      { name: 'userId', referencedColumnName: 'userId' },
      { name: 'organizationId', referencedColumnName: 'organizationId' },
    ],
    inverseJoinColumns: [{ name: 'roleId', referencedColumnName: 'id' }],
  })
  roles!: Role[];
}
