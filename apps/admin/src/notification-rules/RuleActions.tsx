import type { NotificationRuleDto, NotificationRuleInput } from '@keyhouse/shared-contracts';

import { eventLabel } from '../common';
import { SettingActions, type SettingOrganization } from '../notification-settings';

const describe = (rule: NotificationRuleDto) => `rule of “${eventLabel(rule.event)}”`;

/** An organization's own rule starts as the platform's. */
const toOverride = ({ event, enabled, notifyOwner, notifyOrganizationAdmins, extraRecipients }: NotificationRuleDto, organizationId: number): NotificationRuleInput => ({
  event,
  organizationId,
  enabled,
  notifyOwner,
  notifyOrganizationAdmins,
  extraRecipients,
});

/** Customize a platform rule, or revert an organization's own; see SettingActions. */
export const RuleActions = ({ organizations, backToList }: { organizations?: SettingOrganization[]; backToList?: boolean }) => (
  <SettingActions<NotificationRuleDto>
    resource="notification-rules"
    organizations={organizations}
    describe={describe}
    toOverride={toOverride}
    backToList={backToList}
  />
);
