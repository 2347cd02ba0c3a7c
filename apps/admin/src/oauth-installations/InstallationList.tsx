import ExtensionIcon from '@mui/icons-material/Extension';
import { DataTable, DateField, List, TextField, TopToolbar } from 'react-admin';

import { ListEmpty, OrganizationFilter, PhoneList, useIsPhone, useOrganizationChoices } from '../common';
import { InstallAppButton } from './InstallAppButton';
import { InstallationScopesField, InstalledByField } from './InstallationFields';
import { UninstallButton } from './UninstallButton';

// As on the applications grid: the organization only matters to someone who sees several.
const installationFilters = (severalOrganizations: boolean) =>
  severalOrganizations
    ? [
        <OrganizationFilter key="organizationId" source="organizationId" permission="oauth_installations.view" alwaysOn />,
      ]
    : undefined;

const InstallationListActions = () => (
  <TopToolbar>
    <InstallAppButton variant="contained" />
  </TopToolbar>
);

const InstallationsEmpty = () => (
  <ListEmpty
    icon={ExtensionIcon}
    message="No apps installed yet"
    hint="Installed apps use the API with the access a user of the organization allowed them."
    action={<InstallAppButton variant="contained" />}
  />
);

const PhoneDetails = ({ severalOrganizations }: { severalOrganizations: boolean }) => (
  <>
    {severalOrganizations && <TextField source="organizationName" />}
    <InstalledByField />
    <DateField source="createdAt" showTime />
  </>
);

/** Integrations > Installed Apps: the apps installed in the caller's organizations, newest first. */
export const InstallationList = () => {
  const severalOrganizations = useOrganizationChoices('oauth_installations.view').several;
  const isPhone = useIsPhone();

  return (
    <List
      filters={installationFilters(severalOrganizations)}
      actions={<InstallationListActions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      empty={<InstallationsEmpty />}
    >
      {isPhone ? (
        <PhoneList
          primary={<TextField source="application.name" />}
          secondary={<PhoneDetails severalOrganizations={severalOrganizations} />}
          actions={<UninstallButton />}
        />
      ) : (
        <DataTable rowClick={false} bulkActionButtons={false}>
          <DataTable.Col source="application.name" label="Application" disableSort />
          {severalOrganizations && <DataTable.Col source="organizationName" label="Organization" disableSort />}
          <DataTable.Col source="subject.name" label="Installed by" disableSort>
            <InstalledByField />
          </DataTable.Col>
          <DataTable.Col source="scopes" label="Scopes" disableSort>
            <InstallationScopesField />
          </DataTable.Col>
          <DataTable.Col source="createdAt" label="Installed">
            <DateField source="createdAt" showTime />
          </DataTable.Col>
          <DataTable.Col source="updatedAt" label="Last changed">
            <DateField source="updatedAt" showTime />
          </DataTable.Col>
          <DataTable.Col label="Actions" align="right">
            <UninstallButton />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
