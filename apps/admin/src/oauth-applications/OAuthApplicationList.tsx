import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { Stack } from '@mui/material';
import {
  CreateButton,
  DataTable,
  DateField,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';

import { ListEmpty, OrganizationField, OrganizationFilter, PhoneList, useIsPhone, useOrganizationChoices } from '../common';
import { ActiveField, ApplicationPhoneDetails, ClientIdField, GrantsField } from './ApplicationFields';
import { ApplicationRowMenu } from './ApplicationRowMenu';
import { GRANT_CHOICES } from './applicationForm';
import { DormantBadge } from './DormantBadge';
import { KeysMissingAlert } from './KeysMissingAlert';
import { ThrottledBadge } from './ThrottledBadge';

const CREATE_LABEL = 'Create OAuth Application';
// react-admin gives select filters a 160 px minimum.
const NARROW = { width: 130, minWidth: 130 };

// Organization filter and column only matter to someone who sees several organizations.
// Widths that keep the filters and the Create button on one line at 1440 px, menu open.
const applicationFilters = (severalOrganizations: boolean) => [
  <SearchInput key="name" source="name" placeholder="Application name" alwaysOn sx={{ width: 200 }} />,
  ...(severalOrganizations
    ? [
        <OrganizationFilter key="organizationId" source="organizationId" permission="oauth_applications.view" alwaysOn sx={{ width: 180 }} />,
      ]
    : []),
  <NullableBooleanInput key="active" source="active" label="Status" trueLabel="Active" falseLabel="Inactive" nullLabel="Any" alwaysOn sx={NARROW} />,
  <SelectInput key="grant" source="grant" label="Grant Type" choices={GRANT_CHOICES} emptyText="Any" alwaysOn sx={NARROW} />,
  <NullableBooleanInput key="dormant" source="dormant" label="Dormant" trueLabel="Dormant" falseLabel="In use" nullLabel="Any" alwaysOn sx={NARROW} />,
];

const ApplicationListActions = () => (
  <TopToolbar>
    <CreateButton label={CREATE_LABEL} variant="contained" />
  </TopToolbar>
);

const ApplicationsEmpty = () => (
  <ListEmpty
    icon={VpnKeyIcon}
    message="No OAuth applications yet"
    hint="OAuth applications let other software use the API on behalf of a user."
    action={<CreateButton label={CREATE_LABEL} variant="contained" />}
  />
);

/** Oro's System > User Management > OAuth Applications grid. */
export const OAuthApplicationList = () => {
  const severalOrganizations = useOrganizationChoices('oauth_applications.view').several;
  const isPhone = useIsPhone();

  return (
    <>
      <KeysMissingAlert sx={{ mt: 2 }} />
      <List
        filters={applicationFilters(severalOrganizations)}
        actions={<ApplicationListActions />}
        sort={{ field: 'name', order: 'ASC' }}
        perPage={25}
        empty={<ApplicationsEmpty />}
      >
        {isPhone ? (
          <PhoneList
            primary={<TextField source="name" />}
            secondary={<ApplicationPhoneDetails severalOrganizations={severalOrganizations} />}
            rowClick="show"
            actions={<ApplicationRowMenu />}
          />
        ) : (
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="name" label="Application Name" />
            <DataTable.Col source="clientId" label="Client ID" disableSort>
              <ClientIdField truncate />
            </DataTable.Col>
            {severalOrganizations && (
              // The column's source is the API's sort field: organizations sort by name.
              <DataTable.Col source="organization.name" label="Organization">
                <OrganizationField />
              </DataTable.Col>
            )}
            <DataTable.Col source="active" label="Active">
              <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
                <ActiveField />
                <DormantBadge />
                <ThrottledBadge />
              </Stack>
            </DataTable.Col>
            <DataTable.Col source="grants" label="Grant Type">
              <GrantsField />
            </DataTable.Col>
            {/* Oro's word, as on the form: the user the application acts as. */}
            <DataTable.Col source="owner.name" label="Users" />
            {/* Most recent first on the first click: "Never" last, not a page of unused applications. */}
            <DataTable.Col source="lastUsedAt" label="Last Used At" sortByOrder="DESC">
              <DateField source="lastUsedAt" showTime emptyText="Never" />
            </DataTable.Col>
            <DataTable.Col label="Actions" align="right">
              <ApplicationRowMenu />
            </DataTable.Col>
          </DataTable>
        )}
      </List>
    </>
  );
};
