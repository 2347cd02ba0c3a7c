import type { OAuthApplicationDto, OAuthApplicationInput } from '@keyhouse/shared-contracts';
import { useMemo, useState } from 'react';
import { Create, SimpleForm, useNotify, useRedirect } from 'react-admin';

import { CreateToolbar, useOrganizationChoices } from '../common';
import type { ApplicationCreateMeta, OneTimeCredentials } from '../providers/dataProvider';
import { APPLICATION_DEFAULTS, toCreateInput } from './applicationForm';
import { CredentialsDialog } from './CredentialsDialog';
import { KeysMissingAlert } from './KeysMissingAlert';
import { FORM_WIDTH, OAuthApplicationInputs } from './OAuthApplicationInputs';
import { APPLICATIONS } from './resourceNames';

/**
 * Oro's create page. The answer carries the only copy of the client secret: the
 * data provider hands it to `onCredentials` (this page's state) and gives
 * react-admin the application without it. The page stays until the dialog closes.
 * A private_key_jwt application has no secret: its page opens at once.
 */
export const OAuthApplicationCreate = () => {
  const redirect = useRedirect();
  const notify = useNotify();
  const [credentials, setCredentials] = useState<OneTimeCredentials | null>(null);
  const meta = useMemo<ApplicationCreateMeta>(() => ({ onCredentials: setCredentials }), []);
  // With one organization to choose from the picker is hidden: the application is that one's.
  const { only: onlyOrganizationId } = useOrganizationChoices('oauth_applications.create');

  return (
    <>
      <KeysMissingAlert sx={{ mt: 2 }} />
      <Create
        redirect={false}
        transform={(values: OAuthApplicationInput) => toCreateInput(values, onlyOrganizationId)}
        // The credentials dialog is the confirmation; closing it moves on.
        mutationOptions={{
          meta,
          onSuccess: (application: OAuthApplicationDto) => {
            if (application.tokenEndpointAuthMethod !== 'private_key_jwt') return;
            notify('OAuth application created. It has no secret: it signs its assertions with its own key.', { type: 'success' });
            redirect('show', APPLICATIONS, application.id);
          },
        }}
      >
        <SimpleForm sx={FORM_WIDTH} defaultValues={APPLICATION_DEFAULTS} toolbar={<CreateToolbar />} warnWhenUnsavedChanges>
          <OAuthApplicationInputs creating />
        </SimpleForm>
      </Create>
      <CredentialsDialog
        title="OAuth application created"
        credentials={credentials}
        onClose={() => credentials && redirect('show', APPLICATIONS, credentials.applicationId)}
      />
    </>
  );
};
