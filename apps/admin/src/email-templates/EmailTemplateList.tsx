import { IN_FORCE_FILTER } from '@keyhouse/shared-contracts';
import DraftsIcon from '@mui/icons-material/Drafts';
import { CreateButton, DataTable, DateField, List, Loading, TextField, TopToolbar } from 'react-admin';

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
import { AudienceField } from './AudienceField';
import { TemplateActions } from './TemplateActions';

const TemplateListActions = () => (
  <TopToolbar>
    <CreateButton label="Add translation" />
  </TopToolbar>
);

/** Customize or revert, for the organization the list shows. */
const TemplateRowActions = ({ scopes }: { scopes: SettingScopes }) => <TemplateActions organizations={useListedOrganizations(scopes)} />;

const PhoneDetails = () => (
  <>
    <AudienceField />
    <TextField source="locale" />
    <AppliesToField />
  </>
);

/**
 * One template per event, audience and language in force: the platform's (English for every one,
 * seeded, and the fallback) or, where an organization wrote its own, that organization's.
 */
export const EmailTemplateList = () => {
  const scopes = useSettingScopes();
  const isPhone = useIsPhone();
  if (scopes.isPending) return <Loading />;

  return (
    <List
      actions={<TemplateListActions />}
      filters={settingScopeFilters(scopes)}
      filterDefaultValues={{ [IN_FORCE_FILTER]: scopes.initial }}
      filter={settingListFilter(scopes)}
      sort={{ field: 'event', order: 'ASC' }}
      perPage={25}
      empty={
        <ListEmpty
          icon={DraftsIcon}
          message="No email templates"
          hint="Templates are installed with Keyhouse; without them, no notification email is written."
        />
      }
    >
      <SettingListIntro scopes={scopes} />
      {isPhone ? (
        <PhoneList
          primary={<EventField />}
          secondary={<PhoneDetails />}
          rowClick="edit"
          actions={<TemplateRowActions scopes={scopes} />}
        />
      ) : (
        <DataTable rowClick="edit" bulkActionButtons={false}>
          <DataTable.Col source="event" label="Event">
            <EventField />
          </DataTable.Col>
          <DataTable.Col source="audience" label="Recipient" disableSort>
            <AudienceField />
          </DataTable.Col>
          <DataTable.Col source="locale" label="Locale" />
          <DataTable.Col source="organizationId" label="Applies to" disableSort>
            <AppliesToField />
          </DataTable.Col>
          <DataTable.Col source="subject" label="Subject" disableSort />
          <DataTable.Col source="updatedAt" label="Updated" disableSort>
            <DateField source="updatedAt" showTime />
          </DataTable.Col>
          <DataTable.Col label="Actions" align="right">
            <TemplateRowActions scopes={scopes} />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
