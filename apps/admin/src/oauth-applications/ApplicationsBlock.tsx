import type { OAuthApplicationInput } from '@keyhouse/shared-contracts';
import { Divider, Stack, Typography } from '@mui/material';
import { type ReactNode, useId } from 'react';
import { CreateButton, DataTable, DateField, Pagination, ReferenceManyField, useCanAccess } from 'react-admin';

import { ActiveField, ClientIdField, GrantsField } from './ApplicationFields';
import { ApplicationRowMenu } from './ApplicationRowMenu';
import { KeysMissingAlert } from './KeysMissingAlert';
import { APPLICATIONS } from './resourceNames';

interface ApplicationsBlockProps {
  /** The list filter that ties the applications to the page's record (its id is the value). */
  target: 'userId' | 'organizationId';
  /** More of the list's filters, fixed. */
  filter?: Record<string, unknown>;
  /** What "Create OAuth Application" starts the form with. */
  prefill: Partial<OAuthApplicationInput>;
  /** The grid's Users column, for a block of several users' applications. */
  showUsers?: boolean;
  empty: ReactNode;
}

/**
 * "OAuth Applications" on another record's page (a user's, an organization's): the grid's
 * columns and row menu, and a create button that starts from that record.
 */
export const ApplicationsBlock = ({ target, filter, prefill, showUsers = false, empty }: ApplicationsBlockProps) => {
  const { canAccess: canShow } = useCanAccess({ resource: APPLICATIONS, action: 'show' });
  const headingId = useId();

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
          target={target}
          filter={filter}
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
                {empty}
              </Typography>
            }
          >
            <DataTable.Col source="name" label="Application Name" />
            <DataTable.Col source="clientId" label="Client ID" disableSort>
              <ClientIdField truncate />
            </DataTable.Col>
            <DataTable.Col source="active" label="Active">
              <ActiveField />
            </DataTable.Col>
            <DataTable.Col source="grants" label="Grant Type">
              <GrantsField />
            </DataTable.Col>
            {showUsers && <DataTable.Col source="owner.name" label="Users" />}
            <DataTable.Col source="lastUsedAt" label="Last Used At" sortByOrder="DESC">
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
