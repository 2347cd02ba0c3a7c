import type { CustomerUserDto, OAuthApplicationInput, UserDto } from '@keyhouse/shared-contracts';
import { Divider, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import {
  CreateButton,
  DataTable,
  DateField,
  Pagination,
  ReferenceManyField,
  useCanAccess,
  useGetIdentity,
  useRecordContext,
} from 'react-admin';

import { type Access, useAccess } from '../common';
import { ActiveField, ClientIdField, GrantsField } from './ApplicationFields';
import { ApplicationRowMenu } from './ApplicationRowMenu';
import { KeysMissingAlert } from './KeysMissingAlert';
import { APPLICATIONS } from './useApplicationActions';

type Person = UserDto | CustomerUserDto;

/** Where an application acting as them would be created: one of their organizations where the signed-in user may create applications. */
const organizationOf = (person: Person, access: Access): number | undefined =>
  'organizationId' in person
    ? person.organizationId
    : (person.organizationIds.find((id) => access.can('oauth_applications.create', id)) ?? person.organizationIds[0]);

/**
 * The applications acting as the user (or, with `frontend`, the customer user) on
 * this page, with a create button that starts from that user. Everyone may see the
 * applications acting as themselves, so the block shows on one's own user page even
 * without oauth_applications.view.
 */
export const UserApplications = ({ frontend }: { frontend: boolean }) => {
  const person = useRecordContext<Person>();
  const { identity } = useGetIdentity();
  const access = useAccess();
  const { canAccess: canList } = useCanAccess({ resource: APPLICATIONS, action: 'list' });
  const { canAccess: canShow } = useCanAccess({ resource: APPLICATIONS, action: 'show' });
  const headingId = useId();

  if (!person) return null;
  const isMe = !frontend && identity?.id === person.id;
  if (!canList && !isMe) return null;

  const prefill: Partial<OAuthApplicationInput> = {
    grants: ['client_credentials'],
    frontend,
    userId: Number(person.id),
    organizationId: organizationOf(person, access),
  };

  return (
    <>
      <Divider />
      <Stack component="section" aria-labelledby={headingId} spacing={2} sx={{ p: 2 }}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography id={headingId} variant="h6" component="h2">
            OAuth Applications
          </Typography>
          <CreateButton resource={APPLICATIONS} label="Create OAuth Application" state={{ record: prefill }} />
        </Stack>
        <KeysMissingAlert />
        <ReferenceManyField
          reference={APPLICATIONS}
          target="userId"
          filter={{ frontend }}
          sort={{ field: 'name', order: 'ASC' }}
          perPage={10}
          pagination={<Pagination />}
        >
          {/* The table's own empty state: the block's fixed filter would otherwise read as "no results for the current filters". */}
          <DataTable
            rowClick={canShow ? 'show' : false}
            bulkActionButtons={false}
            empty={
              <Typography variant="body2" color="text.secondary">
                No OAuth applications act as this {frontend ? 'customer user' : 'user'}.
              </Typography>
            }
          >
            <DataTable.Col source="name" label="Application Name" />
            <DataTable.Col source="clientId" label="Client ID" disableSort>
              <ClientIdField />
            </DataTable.Col>
            <DataTable.Col source="active" label="Active">
              <ActiveField />
            </DataTable.Col>
            <DataTable.Col source="grants" label="Grant Type" disableSort>
              <GrantsField />
            </DataTable.Col>
            <DataTable.Col source="lastUsedAt" label="Last Used At">
              <DateField source="lastUsedAt" showTime emptyText="Never" />
            </DataTable.Col>
            <DataTable.Col label="Actions" align="right">
              <ApplicationRowMenu />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </Stack>
    </>
  );
};
