import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { Divider, Stack, Typography } from '@mui/material';
import { type ReactNode, useId } from 'react';
import { DataTable, DateField, Pagination, ReferenceManyField, useCanAccess, useRecordContext } from 'react-admin';

import { useOrganizationChoices } from '../common';
import { InstallationScopesField, InstalledByField } from './InstallationFields';
import { UninstallButton } from './UninstallButton';
import { INSTALLATIONS } from './useUninstall';

interface InstallationsSectionProps {
  title: string;
  /** The filter that ties the installations to the record of the page. */
  target: 'applicationId' | 'userId' | 'customerUserId';
  /** Said when there is none: the section's fixed filter would otherwise read as "no results for the current filters". */
  empty: string;
  /** The columns that say something on this page; the dates and the action follow. */
  children: ReactNode;
}

/** The installations of the page's record, for those with oauth_installations.view. */
const InstallationsSection = ({ title, target, empty, children }: InstallationsSectionProps) => {
  const { canAccess } = useCanAccess({ resource: INSTALLATIONS, action: 'list' });
  const headingId = useId();
  if (!canAccess) return null;

  return (
    <>
      <Divider />
      <Stack component="section" aria-labelledby={headingId} spacing={2} sx={{ p: 2 }}>
        <Typography id={headingId} variant="h6" component="h2">
          {title}
        </Typography>
        <ReferenceManyField
          reference={INSTALLATIONS}
          target={target}
          sort={{ field: 'createdAt', order: 'DESC' }}
          perPage={10}
          pagination={<Pagination />}
        >
          <DataTable
            rowClick={false}
            bulkActionButtons={false}
            empty={
              <Typography variant="body2" color="text.secondary">
                {empty}
              </Typography>
            }
          >
            {children}
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
        </ReferenceManyField>
      </Stack>
    </>
  );
};

// As on the applications grid: the organization only matters to someone who sees several.
const organizationColumn = (severalOrganizations: boolean) =>
  severalOrganizations && <DataTable.Col source="organizationName" label="Organization" disableSort />;

/** Where an application of the show page is installed; only the authorization code flow installs one. */
export const ApplicationInstallations = () => {
  const application = useRecordContext<OAuthApplicationDto>();
  const severalOrganizations = useOrganizationChoices('oauth_installations.view').several;
  if (!application?.grants.includes('authorization_code')) return null;
  return (
    <InstallationsSection title="Installations" target="applicationId" empty="This application is not installed in your organizations.">
      {organizationColumn(severalOrganizations)}
      <DataTable.Col source="subject.name" label="Installed by" disableSort>
        <InstalledByField />
      </DataTable.Col>
      <DataTable.Col source="scopes" label="Scopes" disableSort>
        <InstallationScopesField />
      </DataTable.Col>
    </InstallationsSection>
  );
};

/** The apps a user (or, with `frontend`, a customer user) of the show page has authorized. */
export const PersonInstallations = ({ frontend }: { frontend: boolean }) => {
  const severalOrganizations = useOrganizationChoices('oauth_installations.view').several;
  return (
    <InstallationsSection
      title="Connected apps"
      target={frontend ? 'customerUserId' : 'userId'}
      empty={`This ${frontend ? 'customer user' : 'user'} has not authorized any app.`}
    >
      <DataTable.Col source="application.name" label="Application" disableSort />
      {organizationColumn(severalOrganizations)}
      <DataTable.Col source="scopes" label="Scopes" disableSort>
        <InstallationScopesField />
      </DataTable.Col>
    </InstallationsSection>
  );
};
