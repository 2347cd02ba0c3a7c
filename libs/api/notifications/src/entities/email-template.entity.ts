import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Whose email it is: Oro keeps one creation template for back-office owners and one for storefront owners. */
export type TemplateAudience = 'back_office' | 'storefront';

/** The subject and HTML body of one event's email, for one audience and locale; editable in the console. */
@Entity('email_templates')
@Index('IDX_email_templates_event_audience_locale', ['event', 'audience', 'locale'], { unique: true })
export class EmailTemplate {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  event!: string;

  @Column({ type: 'varchar', length: 16 })
  audience!: TemplateAudience;

  @Column({ type: 'varchar', length: 16 })
  locale!: string;

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @UpdateDateColumn()
  updatedAt!: Date;
}
