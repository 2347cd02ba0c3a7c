import type { ClientSecretDto, OAuthApplicationDto } from '@keyhouse/shared-contracts';
import DeleteIcon from '@mui/icons-material/Delete';
import { DialogContentText } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useDataProvider, useNotify } from 'react-admin';

import { ConfirmDialog } from '../common';
import type { KeyhouseDataProvider } from '../providers/dataProvider';
import { isLive, secretsQueryKey } from './clientSecrets';

interface RevokeSecretButtonProps {
  application: OAuthApplicationDto;
  secret: ClientSecretDto;
  /** Whether it is the only secret still working: revoking it leaves the application without any. */
  lastLive: boolean;
}

/** Revokes one secret after a confirmation; an expired one is only removed from the list. */
export const RevokeSecretButton = ({ application, secret, lastLive }: RevokeSecretButtonProps) => {
  const dataProvider = useDataProvider<KeyhouseDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const live = isLive(secret, Date.now());
  const created = new Date(secret.createdAt).toLocaleString();

  const { mutate: revoke, isPending } = useMutation({
    mutationFn: () => dataProvider.revokeApplicationSecret(application.id, secret.id),
    onSuccess: () => {
      setConfirming(false);
      notify(live ? 'Client secret revoked' : 'Expired client secret removed', { type: 'info' });
      return queryClient.invalidateQueries({ queryKey: secretsQueryKey(application.id) });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });

  return (
    <>
      <Button label={live ? 'Revoke' : 'Remove'} color="error" onClick={() => setConfirming(true)}>
        <DeleteIcon />
      </Button>
      <ConfirmDialog
        isOpen={confirming}
        loading={isPending}
        title={live ? 'Revoke the client secret' : 'Remove the expired client secret'}
        content={
          <DialogContentText>
            {live
              ? `Clients using the secret created ${created} stop getting tokens at once.`
              : `The secret created ${created} has expired already; it leaves the list.`}
            {live && lastLive && (
              <strong> It is the last working secret: “{application.name}” gets no tokens until a new one is added.</strong>
            )}
          </DialogContentText>
        }
        confirm={live ? 'Revoke' : 'Remove'}
        destructive
        onConfirm={() => revoke()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
