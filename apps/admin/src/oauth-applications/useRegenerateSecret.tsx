import { usesClientSecret, type OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { DialogContentText } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify } from 'react-admin';

import { ConfirmDialog } from '../common';
import type { KeyhouseDataProvider, OneTimeCredentials } from '../providers/dataProvider';
import { secretsQueryKey } from './clientSecrets';
import { CredentialsDialog } from './CredentialsDialog';
import { APPLICATIONS } from './resourceNames';

export const REGENERATE_LABEL = 'Regenerate secret';

/**
 * Replaces the client secret after a confirmation, then shows the new one once. `available`:
 * the application has a secret and the signed-in user may replace it. Render `dialogs` next to
 * the trigger.
 */
export const useRegenerateSecret = (record: OAuthApplicationDto | undefined) => {
  const dataProvider = useDataProvider<KeyhouseDataProvider>();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { canAccess } = useCanAccess({ resource: APPLICATIONS, action: 'edit' });
  const [confirming, setConfirming] = useState(false);
  const [regenerating, setRegenerating] = useState(false);
  // The new secret lives here and nowhere else, until the dialog is closed.
  const [credentials, setCredentials] = useState<OneTimeCredentials | null>(null);

  // A public or private_key_jwt client has no secret to replace.
  const available = record !== undefined && usesClientSecret(record.tokenEndpointAuthMethod) && canAccess === true;

  const regenerate = async () => {
    if (!record) return;
    setRegenerating(true);
    try {
      setCredentials(await dataProvider.regenerateApplicationSecret(record.id));
      setConfirming(false);
      // The secrets list now holds only the new one.
      await queryClient.invalidateQueries({ queryKey: secretsQueryKey(record.id) });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setRegenerating(false);
    }
  };

  const dialogs = available && (
    <>
      <ConfirmDialog
        isOpen={confirming}
        loading={regenerating}
        title="Regenerate the client secret"
        content={
          <DialogContentText>
            The current secret of “{record.name}” stops working immediately: every client using it fails until it is
            given the new one.
          </DialogContentText>
        }
        confirm="Regenerate"
        destructive
        onConfirm={regenerate}
        onClose={() => setConfirming(false)}
      />
      <CredentialsDialog title="Client secret regenerated" credentials={credentials} onClose={() => setCredentials(null)} />
    </>
  );

  return { available, start: () => setConfirming(true), dialogs };
};
