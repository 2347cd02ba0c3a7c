import type { AuditEventDto } from '@keyhouse/shared-contracts';
import HistoryIcon from '@mui/icons-material/History';
import { CardContent, LinearProgress, Typography } from '@mui/material';
import { Suspense } from 'react';
import {
  Button,
  DataTable,
  DataTableClasses,
  DateField,
  DateInput,
  List,
  SearchInput,
  SelectInput,
  TextField,
  useListContext,
} from 'react-admin';

import { lazyView, ListEmpty, OrganizationFilter, PhoneList, useIsPhone } from '../common';
import { hasChanges } from './auditChanges';
import { ActionField, ActorField, ChangesToggle, OrganizationsField, TargetField } from './AuditEventFields';
import { ACTION_CHOICES, TARGET_TYPE_CHOICES } from './auditLabels';
import { fromDay, toDay } from './dayFilters';

// The before/after of a row loads when a row is first expanded, not with the list.
const AuditChangesPanel = lazyView(() => import('./AuditChangesPanel'), 'AuditChangesPanel');

const ChangesPanel = () => (
  <Suspense fallback={<LinearProgress aria-label="Loading the changes" />}>
    <AuditChangesPanel />
  </Suspense>
);

const auditFilters = [
  <SearchInput key="q" source="q" placeholder="Actor or target" alwaysOn />,
  <SelectInput key="action" source="action" label="Action" choices={ACTION_CHOICES} emptyText="Any" alwaysOn />,
  <SelectInput key="targetType" source="targetType" label="Target type" choices={TARGET_TYPE_CHOICES} emptyText="Any" alwaysOn />,
  // The rows that concern this organization, shared ones included.
  <OrganizationFilter key="organizationId" source="organizationId" permission="audit.view" alwaysOn />,
  <DateInput key="from" source="from" label="From" {...fromDay} alwaysOn />,
  <DateInput key="to" source="to" label="To" {...toDay} alwaysOn />,
];

// The Changes column's button toggles the rows; react-admin's icon column would be a second,
// unreachable toggle (no focus, hidden from assistive technology).
const WITHOUT_EXPAND_ICONS = {
  [`& .${DataTableClasses.expandHeader}, & .${DataTableClasses.expandIconCell}`]: { display: 'none' },
};

// react-admin's own wording would read "No Audit Log found", after the menu's name.
const NoMatchingEvents = () => {
  const { setFilters } = useListContext();
  return (
    <CardContent>
      <Typography variant="body2">
        No recorded event matches these filters. <Button label="Clear filters" onClick={() => setFilters({}, [])} />
      </Typography>
    </CardContent>
  );
};

const PhoneSummary = () => (
  <>
    <ActionField /> <TargetField />
  </>
);

const PhoneDetails = () => (
  <>
    <DateField source="at" showTime />
    <ActorField />
    <TextField source="ip" emptyText="" />
  </>
);

const expandOnClick = (_id: unknown, _resource: unknown, event: AuditEventDto) => (hasChanges(event) ? 'expand' : false);

/** System > Audit Log: every recorded change and sign-in, newest first. Append-only: nothing here edits it. */
export const AuditEventList = () => (
  <List
    filters={auditFilters}
    sort={{ field: 'at', order: 'DESC' }}
    perPage={25}
    empty={
      <ListEmpty
        icon={HistoryIcon}
        message="Nothing has been recorded yet"
        hint="Changes to applications, installations, users, email templates and notification rules are recorded here, with every sign-in."
      />
    }
  >
    {useIsPhone() ? (
      <PhoneList
        primary={<PhoneSummary />}
        secondary={<PhoneDetails />}
        actions={<ChangesToggle />}
        expand={<ChangesPanel />}
        empty={<NoMatchingEvents />}
      />
    ) : (
      <DataTable
        rowClick={expandOnClick}
        expand={<ChangesPanel />}
        isRowExpandable={hasChanges}
        bulkActionButtons={false}
        empty={<NoMatchingEvents />}
        sx={WITHOUT_EXPAND_ICONS}
      >
        <DataTable.Col source="at" label="Time">
          <DateField source="at" showTime />
        </DataTable.Col>
        <DataTable.Col source="actor.name" label="Actor" disableSort>
          <ActorField />
        </DataTable.Col>
        <DataTable.Col source="action" label="Action" disableSort>
          <ActionField />
        </DataTable.Col>
        <DataTable.Col source="target.name" label="Target" disableSort>
          <TargetField />
        </DataTable.Col>
        <DataTable.Col source="organizationIds" label="Organizations" disableSort>
          <OrganizationsField />
        </DataTable.Col>
        <DataTable.Col source="ip" label="IP" disableSort>
          <TextField source="ip" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col label="Changes" align="right">
          <ChangesToggle />
        </DataTable.Col>
      </DataTable>
    )}
  </List>
);
