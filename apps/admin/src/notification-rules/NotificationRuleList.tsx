import { IN_FORCE_FILTER, type NotificationRuleDto } from '@keyhouse/shared-contracts';
import RuleIcon from '@mui/icons-material/Rule';
import { DataTable, FunctionField, List, Loading, TextArrayField } from 'react-admin';

import { EventField, ListEmpty, PhoneList, useIsPhone } from '../common';
import {
  AppliesToField,
  SettingListIntro,
  settingListFilter,
  type SettingScopes,
  settingScopeFilters,
  useListedOrganizations,
  useSettingScopes,
} from '../notification-settings';
import { RuleActions } from './RuleActions';
import { YesNoField } from './YesNoField';

/** The grid's Yes/No columns in one phrase, for a phone's row. */
const recipients = (rule: NotificationRuleDto) => {
  if (!rule.enabled) return 'Disabled';
  const who = [...(rule.notifyOwner ? ['owner'] : []), ...(rule.notifyOrganizationAdmins ? ['organization admins'] : []), ...rule.extraRecipients];
  return who.length > 0 ? `Emails ${who.join(', ')}` : 'Emails nobody';
};

const PhoneDetails = () => (
  <>
    <AppliesToField />
    <FunctionField<NotificationRuleDto> render={recipients} />
  </>
);

/** The rules, with what may be done to them in the organization shown (nothing while it shows the platform defaults alone). */
const RuleTable = ({ scopes }: { scopes: SettingScopes }) => {
  const organizations = useListedOrganizations(scopes);
  const isPhone = useIsPhone();
  if (isPhone) {
    return (
      <PhoneList
        primary={<EventField />}
        secondary={<PhoneDetails />}
        rowClick="edit"
        actions={organizations.length > 0 && <RuleActions organizations={organizations} />}
      />
    );
  }
  return (
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="event" label="Event">
        <EventField />
      </DataTable.Col>
      <DataTable.Col source="organizationId" label="Applies to" disableSort>
        <AppliesToField />
      </DataTable.Col>
      <DataTable.Col source="enabled" label="Enabled" disableSort>
        <YesNoField source="enabled" />
      </DataTable.Col>
      <DataTable.Col source="notifyOwner" label="Owner" disableSort>
        <YesNoField source="notifyOwner" />
      </DataTable.Col>
      <DataTable.Col source="notifyOrganizationAdmins" label="Organization admins" disableSort>
        <YesNoField source="notifyOrganizationAdmins" />
      </DataTable.Col>
      <DataTable.Col source="extraRecipients" label="Extra recipients" disableSort>
        <TextArrayField source="extraRecipients" emptyText="None" />
      </DataTable.Col>
      {organizations.length > 0 && (
        <DataTable.Col label="Actions" align="right">
          <RuleActions organizations={organizations} />
        </DataTable.Col>
      )}
    </DataTable>
  );
};

/**
 * Who is emailed for each event: one rule per event in force, the platform's (seeded by the
 * notifications migration) or, where an organization customized it, that organization's.
 */
export const NotificationRuleList = () => {
  const scopes = useSettingScopes();
  if (scopes.isPending) return <Loading />;

  return (
    <List
      filters={settingScopeFilters(scopes)}
      filterDefaultValues={{ [IN_FORCE_FILTER]: scopes.initial }}
      filter={settingListFilter(scopes)}
      sort={{ field: 'event', order: 'ASC' }}
      perPage={25}
      empty={
        <ListEmpty
          icon={RuleIcon}
          message="No notification rules"
          hint="Rules are installed with Keyhouse; without one, an event sends no email."
        />
      }
    >
      <SettingListIntro scopes={scopes} />
      <RuleTable scopes={scopes} />
    </List>
  );
};
