import type { OAuthApplicationInput } from '@keyhouse/shared-contracts';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { Stack } from '@mui/material';
import { CreateButton, DataTable, DateField, List, TextField, TopToolbar } from 'react-admin';

import { ListEmpty, OrganizationField, PhoneList, useAccess, useIsPhone } from '../common';
import { ActiveField, ApplicationPhoneDetails, ClientIdField, GrantsField } from './ApplicationFields';
import { DormantBadge } from './DormantBadge';
import { KeysMissingAlert } from './KeysMissingAlert';
import { ThrottledBadge } from './ThrottledBadge';
import { APPLICATIONS } from './resourceNames';

const CREATE_LABEL = 'Create OAuth Application';

/**
 * "Create OAuth Application" acting as oneself: in the first of one's own organizations where one
 * may create applications (the user an application acts as must belong to its organization), or
 * nowhere.
 */
const CreateMineButton = () => {
  const access = useAccess();
  const organizationId = access.memberships.find((membership) => access.can('oauth_applications.create', membership.organizationId))?.organizationId;
  if (access.userId === undefined || organizationId === undefined) return null;
  const prefill: Partial<OAuthApplicationInput> = { grants: ['client_credentials'], frontend: false, userId: access.userId, organizationId };
  return <CreateButton resource={APPLICATIONS} label={CREATE_LABEL} variant="contained" state={{ record: prefill }} />;
};

/**
 * Oro's My User > OAuth Applications: the back-office applications acting as the signed-in user
 * (the data provider asks the API for exactly those), which anyone may list and open, whatever
 * their roles.
 */
export const MyOAuthApplicationList = () => {
  const { memberships } = useAccess();
  const severalOrganizations = memberships.length > 1;
  const isPhone = useIsPhone();

  return (
    <>
      <KeysMissingAlert sx={{ mt: 2 }} />
      <List
        actions={
          <TopToolbar>
            <CreateMineButton />
          </TopToolbar>
        }
        sort={{ field: 'name', order: 'ASC' }}
        perPage={25}
        empty={
          <ListEmpty
            icon={VpnKeyIcon}
            message="No OAuth applications act as you"
            hint="An application acting as you gets tokens with what you may do, inside its organization."
            action={<CreateMineButton />}
          />
        }
      >
        {isPhone ? (
          <PhoneList
            primary={<TextField source="name" />}
            secondary={<ApplicationPhoneDetails severalOrganizations={severalOrganizations} />}
            rowClick="show"
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
            <DataTable.Col source="lastUsedAt" label="Last Used At" sortByOrder="DESC">
              <DateField source="lastUsedAt" showTime emptyText="Never" />
            </DataTable.Col>
          </DataTable>
        )}
      </List>
    </>
  );
};
