import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { NotificationRuleDto, NotificationRuleRecipients } from '@keyhouse/shared-contracts';
import { isDuplicateKeyError, type ListParams, type Page } from '@keyhouse/api-persistence';
import { AuditTrail, assertCan, changedFields, ValidationFailedException, type BackOfficeCaller } from '@keyhouse/api-platform';
import { DataSource } from 'typeorm';
import { toRuleDto } from '../dto';
import type { NotificationRule } from '../entities';
import { NotificationSettingsRepository } from '../settings/notification-settings.repository';
import { assertMayChange, assertValidEdit } from '../settings/setting-scope';
import { NotificationRulesRepository } from './notification-rules.repository';
import { NOT_CREATED, type NotificationRuleInputBody, type NotificationRuleRecipientsBody } from './rule-bodies';

const ALREADY_CUSTOMIZED = { event: 'This organization has its own rule for this event already: edit that one.' };

/** Who a body says the rule tells, without the rest of the record that may come with it. */
const recipientsOf = ({ enabled, notifyOwner, notifyOrganizationAdmins, extraRecipients }: NotificationRuleRecipients): NotificationRuleRecipients => ({
  enabled,
  notifyOwner,
  notifyOrganizationAdmins,
  extraRecipients,
});

const target = (rule: Pick<NotificationRule, 'id' | 'event'>) => ({ type: 'notification_rule', id: rule.id, name: rule.event });

/**
 * Who is told of each event. Every event has a platform rule, installed with Keyhouse and changed
 * only by platform operators; an organization's administrators may override it for mail about
 * their organization's applications, and delete the override to go back to the default.
 */
@Injectable()
export class NotificationRulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: NotificationRulesRepository,
    private readonly settings: NotificationSettingsRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** The platform defaults, and the overrides of the organizations where the caller may view notifications. */
  async list(caller: BackOfficeCaller, params: ListParams): Promise<Page<NotificationRuleDto>> {
    const page = await this.rules.list(caller.reach, caller.reach.organizationsWith('notifications.view'), params);
    return { ...page, items: page.items.map(toRuleDto) };
  }

  async get(caller: BackOfficeCaller, id: number): Promise<NotificationRuleDto> {
    return toRuleDto(await this.find(caller, id));
  }

  /** An organization's override of the event's platform rule. */
  async create(caller: BackOfficeCaller, input: NotificationRuleInputBody): Promise<NotificationRuleDto> {
    const { event, organizationId } = input;
    const recipients = recipientsOf(input);
    assertCan(caller.reach, 'notifications.edit', organizationId);
    try {
      const id = await this.dataSource.transaction(async (db) => {
        if (!(await this.settings.lockEvent(db, event))) throw new ValidationFailedException({ event: 'This event has no platform rule to customize.' }, NOT_CREATED);
        if (!(await this.settings.organizationExists(db, organizationId))) throw new ValidationFailedException({ organizationId: 'There is no such organization.' }, NOT_CREATED);
        if (await this.rules.exists(db, event, organizationId)) throw new ValidationFailedException(ALREADY_CUSTOMIZED, NOT_CREATED);
        const created = await this.rules.insert(db, { event, organizationId, ...recipients });
        await this.audit.record(
          { action: 'notification_rule.created', actorUserId: caller.userId, target: target({ id: created, event }), organizationId, after: { event, organizationId, ...recipients } },
          db,
        );
        return created;
      });
      return await this.get(caller, id);
    } catch (error) {
      // The lock makes the second of two creations find the first; the unique index stays the last word.
      if (isDuplicateKeyError(error)) throw new ValidationFailedException(ALREADY_CUSTOMIZED, NOT_CREATED);
      throw error;
    }
  }

  /** Who the rule tells is all that changes; the event and the organization identify it. */
  async update(caller: BackOfficeCaller, id: number, changes: NotificationRuleRecipientsBody): Promise<NotificationRuleDto> {
    const rule = await this.find(caller, id);
    assertMayChange(caller.reach, rule.organizationId);
    assertValidEdit(changes, rule);
    const recipients = recipientsOf(changes);
    await this.dataSource.transaction(async (db) => {
      await this.rules.update(db, id, recipients);
      await this.audit.record(
        { action: 'notification_rule.updated', actorUserId: caller.userId, target: target(rule), organizationId: rule.organizationId, ...changedFields({ ...rule }, recipients) },
        db,
      );
    });
    return this.get(caller, id);
  }

  /** Deletes an organization's override: its mail follows the platform rule again. */
  async revert(caller: BackOfficeCaller, id: number): Promise<NotificationRuleDto> {
    const rule = await this.find(caller, id);
    if (rule.organizationId === null) {
      throw new ForbiddenException({ message: `The platform rule of ${rule.event} cannot be deleted: switch it off, or customize it for an organization.` });
    }
    assertCan(caller.reach, 'notifications.edit', rule.organizationId);
    const { event, organizationId, enabled, notifyOwner, notifyOrganizationAdmins, extraRecipients } = rule;
    await this.dataSource.transaction(async (db) => {
      await this.rules.delete(db, id);
      await this.audit.record(
        { action: 'notification_rule.deleted', actorUserId: caller.userId, target: target(rule), organizationId, before: { event, organizationId, enabled, notifyOwner, notifyOrganizationAdmins, extraRecipients } },
        db,
      );
    });
    return toRuleDto(rule);
  }

  /** Other organizations' overrides do not exist for the caller. */
  private async find(caller: BackOfficeCaller, id: number): Promise<NotificationRule> {
    const rule = await this.rules.findVisible(caller.reach.organizationsWith('notifications.view'), id);
    if (!rule) throw new NotFoundException({ message: `Notification rule ${id} not found.` });
    return rule;
  }
}
