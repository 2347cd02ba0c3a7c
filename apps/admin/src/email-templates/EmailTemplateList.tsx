import DraftsIcon from '@mui/icons-material/Drafts';
import { DataTable, DateField, List } from 'react-admin';

import { EventField, ListEmpty } from '../common';
import { AudienceField } from './AudienceField';

/** One template per event and audience, as the notifications migration seeded them. */
export const EmailTemplateList = () => (
  <List
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
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="event" label="Event">
        <EventField />
      </DataTable.Col>
      <DataTable.Col source="audience" label="Recipient" disableSort>
        <AudienceField />
      </DataTable.Col>
      <DataTable.Col source="locale" label="Locale" />
      <DataTable.Col source="subject" label="Subject" disableSort />
      <DataTable.Col source="updatedAt" label="Updated" disableSort>
        <DateField source="updatedAt" showTime />
      </DataTable.Col>
    </DataTable>
  </List>
);
