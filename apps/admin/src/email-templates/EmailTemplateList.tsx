import DraftsIcon from '@mui/icons-material/Drafts';
import { CreateButton, DataTable, DateField, List, TopToolbar } from 'react-admin';

import { EventField, ListEmpty } from '../common';
import { AudienceField } from './AudienceField';

const TemplateListActions = () => (
  <TopToolbar>
    <CreateButton label="Add translation" />
  </TopToolbar>
);

/** One template per event, audience and language; the English ones are seeded and are the fallback. */
export const EmailTemplateList = () => (
  <List
    actions={<TemplateListActions />}
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
