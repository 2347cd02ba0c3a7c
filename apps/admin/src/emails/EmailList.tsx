import EmailOutlinedIcon from '@mui/icons-material/EmailOutlined';
import { DataTable, DateField, List, NumberField, SearchInput, SelectInput, TextField } from 'react-admin';

import { EVENT_CHOICES, EventField, ListEmpty, PhoneList, useIsPhone } from '../common';
import { EmailStatusField, STATUS_CHOICES } from './EmailStatusField';

const emailFilters = [
  <SearchInput key="q" source="q" placeholder="Recipient or subject" alwaysOn />,
  <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} emptyText="Any" alwaysOn />,
  <SelectInput key="event" source="event" label="Event" choices={EVENT_CHOICES} emptyText="Any" alwaysOn />,
];

const PhoneDetails = () => (
  <>
    <EmailStatusField />
    <TextField source="to" />
    <DateField source="createdAt" showTime />
  </>
);

/** The notification outbox: every email the API has queued, newest first, with its delivery state. */
export const EmailList = () => (
  <List
    filters={emailFilters}
    sort={{ field: 'id', order: 'DESC' }}
    perPage={25}
    empty={
      <ListEmpty
        icon={EmailOutlinedIcon}
        message="No emails yet"
        hint="Emails are queued here when OAuth applications are created, deactivated, deleted or given a new secret."
      />
    }
  >
    {useIsPhone() ? (
      <PhoneList primary={<TextField source="subject" />} secondary={<PhoneDetails />} rowClick="show" />
    ) : (
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="to" label="To" />
        <DataTable.Col source="subject" label="Subject" disableSort />
        <DataTable.Col source="event" label="Event" disableSort>
          <EventField />
        </DataTable.Col>
        <DataTable.Col source="status" label="Status">
          <EmailStatusField />
        </DataTable.Col>
        <DataTable.Col source="attempts" label="Attempts" field={NumberField} disableSort />
        <DataTable.Col source="createdAt" label="Created">
          <DateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="sentAt" label="Sent" disableSort>
          <DateField source="sentAt" showTime emptyText="Not yet" />
        </DataTable.Col>
      </DataTable>
    )}
  </List>
);
