import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Who is told of one event (Oro's notification rules); editable in the console. */
@Entity('notification_rules')
export class NotificationRule {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  event!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** The primary email of the user (or customer user) the application acts as. */
  @Column({ type: 'boolean', default: true })
  notifyOwner!: boolean;

  /** Every administrator of the application's organization. */
  @Column({ type: 'boolean', default: false })
  notifyOrganizationAdmins!: boolean;

  @Column({ type: 'simple-json' })
  extraRecipients!: string[];

  @UpdateDateColumn()
  updatedAt!: Date;
}
