import RuleIcon from '@mui/icons-material/Rule';
import { DataTable, List, TextArrayField } from 'react-admin';

import { EventField, ListEmpty } from '../common';
import { YesNoField } from './YesNoField';

/** Who is emailed for each event: one rule per event, as the notifications migration seeded them. */
export const NotificationRuleList = () => (
  <List
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
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="event" label="Event">
        <EventField />
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
    </DataTable>
  </List>
);
