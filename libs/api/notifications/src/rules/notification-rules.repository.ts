import { Injectable } from '@nestjs/common';
import type { NotificationRuleRecipients } from '@keyhouse/shared-contracts';
import { containsFilter, findPage, idFilter, type ListParams, type ListSpec, type Page } from '@keyhouse/api-persistence';
import type { OrganizationScope, Reach } from '@keyhouse/api-platform';
import { DataSource, type EntityManager } from 'typeorm';
import { NotificationRule } from '../entities';
import { inForceFilter, organizationFilter, visibleSettings, withOrganization } from '../settings/setting-scope';

/** The list as a caller may filter it: `inForceFor` checks that they may view that organization. */
const ruleList = (reach: Reach): ListSpec<NotificationRule> => ({
  resource: 'notification-rules',
  joins: withOrganization,
  // NULL sorts first on both databases: each event's default, then its overrides.
  sortable: { id: 'id', event: { columns: ['event', 'organizationId'] } },
  defaultSort: ['event', 'ASC'],
  filters: {
    id: idFilter('id'),
    q: containsFilter('event'),
    event: containsFilter('event'),
    organizationId: organizationFilter(),
    inForceFor: inForceFilter(reach, 'notification_rules', ['event']),
  },
});

/** Rules as callers see them (`viewable`: where they hold notifications.view), and the one in force when mail goes out. */
@Injectable()
export class NotificationRulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(reach: Reach, viewable: OrganizationScope, params: ListParams): Promise<Page<NotificationRule>> {
    return findPage(visibleSettings(this.dataSource.getRepository(NotificationRule).createQueryBuilder('rule'), viewable), params, ruleList(reach));
  }

  findVisible(viewable: OrganizationScope, id: number): Promise<NotificationRule | null> {
    const query = withOrganization(this.dataSource.getRepository(NotificationRule).createQueryBuilder('rule'));
    return visibleSettings(query, viewable).andWhere('rule.id = :id', { id }).getOne();
  }

  exists(db: EntityManager, event: string, organizationId: number): Promise<boolean> {
    return db.getRepository(NotificationRule).existsBy({ event, organizationId });
  }

  async insert(db: EntityManager, rule: Pick<NotificationRule, 'event' | 'organizationId'> & NotificationRuleRecipients): Promise<number> {
    const { identifiers } = await db.getRepository(NotificationRule).insert(rule);
    return Number(identifiers[0]['id']);
  }

  async update(db: EntityManager, id: number, recipients: NotificationRuleRecipients): Promise<void> {
    await db.getRepository(NotificationRule).update({ id }, recipients);
  }

  async delete(db: EntityManager, id: number): Promise<void> {
    await db.getRepository(NotificationRule).delete({ id });
  }

  /** The organization's override of the event's rule if it has one, else the platform default. */
  async inForce(db: EntityManager, event: string, organizationId: number): Promise<NotificationRule | undefined> {
    const query = db.getRepository(NotificationRule).createQueryBuilder('rule').where('rule.event = :event', { event });
    const rules = await visibleSettings(query, [organizationId]).getMany();
    return rules.find((rule) => rule.organizationId === organizationId) ?? rules.find((rule) => rule.organizationId === null);
  }
}
