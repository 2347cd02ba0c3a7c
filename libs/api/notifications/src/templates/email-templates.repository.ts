import { Injectable } from '@nestjs/common';
import type { EmailTemplateText, TemplateAudience } from '@keyhouse/shared-contracts';
import { containsFilter, findPage, idFilter, type ListParams, type ListSpec, type Page } from '@keyhouse/api-persistence';
import type { OrganizationScope, Reach } from '@keyhouse/api-platform';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { EmailTemplate } from '../entities';
import { inForceFilter, organizationFilter, visibleSettings, withOrganization } from '../settings/setting-scope';

type TemplateIdentity = Pick<EmailTemplate, 'event' | 'audience' | 'locale' | 'organizationId'>;

/** The list as a caller may filter it: `inForceFor` checks that they may view that organization. */
const templateList = (reach: Reach): ListSpec<EmailTemplate> => ({
  resource: 'email-templates',
  joins: withOrganization,
  sortable: { id: 'id', event: { columns: ['event'] }, locale: { columns: ['locale'] } },
  defaultSort: ['event', 'ASC'],
  filters: {
    id: idFilter('id'),
    event: containsFilter('event'),
    q: containsFilter('event', 'subject'),
    organizationId: organizationFilter(),
    inForceFor: inForceFilter(reach, 'email_templates', ['event', 'audience', 'locale']),
  },
});

/** Templates as callers see them (`viewable`: where they hold notifications.view), and those mail may be written from. */
@Injectable()
export class EmailTemplatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(reach: Reach, viewable: OrganizationScope, params: ListParams): Promise<Page<EmailTemplate>> {
    return findPage(visibleSettings(this.dataSource.getRepository(EmailTemplate).createQueryBuilder('template'), viewable), params, templateList(reach));
  }

  findVisible(viewable: OrganizationScope, id: number): Promise<EmailTemplate | null> {
    const query = withOrganization(this.dataSource.getRepository(EmailTemplate).createQueryBuilder('template'));
    return visibleSettings(query, viewable).andWhere('template.id = :id', { id }).getOne();
  }

  exists(db: EntityManager, { event, audience, locale, organizationId }: TemplateIdentity): Promise<boolean> {
    // A plain null would be left out of the condition, not read as IS NULL.
    return db.getRepository(EmailTemplate).existsBy({ event, audience, locale, organizationId: organizationId ?? IsNull() });
  }

  async insert(db: EntityManager, template: TemplateIdentity & EmailTemplateText): Promise<number> {
    const { identifiers } = await db.getRepository(EmailTemplate).insert(template);
    return Number(identifiers[0]['id']);
  }

  async update(db: EntityManager, id: number, text: EmailTemplateText): Promise<void> {
    await db.getRepository(EmailTemplate).update({ id }, text);
  }

  async delete(db: EntityManager, id: number): Promise<void> {
    await db.getRepository(EmailTemplate).delete({ id });
  }

  /** One event's and audience's templates that mail about the organization may be written from: the platform's and the organization's own. */
  candidates(db: EntityManager, event: string, audience: TemplateAudience, organizationId: number): Promise<EmailTemplate[]> {
    const query = db.getRepository(EmailTemplate).createQueryBuilder('template').where('template.event = :event AND template.audience = :audience', { event, audience });
    return visibleSettings(query, [organizationId]).getMany();
  }
}
