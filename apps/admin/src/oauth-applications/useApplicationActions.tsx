import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { DialogContentText } from '@mui/material';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useDelete, useNotify } from 'react-admin';

import { ConfirmDialog } from '../common';
import type { KeyhouseDataProvider } from '../providers/dataProvider';
import { APPLICATIONS, MY_APPLICATIONS } from './resourceNames';

/** After a change to an application: every list and page that may show it, whichever way it was reached. */
export const refreshApplications = (queryClient: QueryClient) =>
  Promise.all([APPLICATIONS, MY_APPLICATIONS].map((resource) => queryClient.invalidateQueries({ queryKey: [resource] })));

/**
 * Activate at once, or deactivate after a confirmation: deactivating stops the
 * tokens already issued too. Render `confirmDialog` next to the trigger.
 */
export const useActiveToggle = (record: OAuthApplicationDto | undefined) => {
  const dataProvider = useDataProvider<KeyhouseDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);

  const { mutate: setActive, isPending } = useMutation({
    mutationFn: ({ id, active }: { id: OAuthApplicationDto['id']; active: boolean }) =>
      dataProvider.setApplicationActive(id, active),
    onSuccess: ({ data }) => {
      setConfirming(false);
      notify(data.active ? 'OAuth application activated' : 'OAuth application deactivated', { type: 'info' });
      // Lists, the record, the user blocks and the dashboard's figures all show the status.
      return refreshApplications(queryClient);
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });

  const start = () => {
    if (!record) return;
    if (record.active) setConfirming(true);
    else setActive({ id: record.id, active: true });
  };

  const confirmDialog = (
    <ConfirmDialog
      isOpen={confirming}
      loading={isPending}
      title="Deactivate OAuth application"
      content={
        <DialogContentText>
          Deactivate “{record?.name}”? It gets no new tokens and the tokens it already has are refused until it is
          activated again.
        </DialogContentText>
      }
      confirm="Deactivate"
      destructive
      onConfirm={() => record && setActive({ id: record.id, active: false })}
      onClose={() => setConfirming(false)}
    />
  );

  return { label: record?.active ? 'Deactivate' : 'Activate', start, isPending, confirmDialog };
};

/** Delete after a confirmation; `onDeleted` says where to go when the page showed the deleted record. */
export const useConfirmedDelete = (record: OAuthApplicationDto | undefined, onDeleted?: () => void) => {
  const [deleteOne, { isPending }] = useDelete<OAuthApplicationDto>();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);

  const remove = () => {
    if (!record) return;
    deleteOne(
      APPLICATIONS,
      { id: record.id, previousData: record },
      {
        // Pessimistic: a refused delete must not flash the record away first.
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setConfirming(false);
          notify('OAuth application deleted', { type: 'info' });
          onDeleted?.();
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );
  };

  const confirmDialog = (
    <ConfirmDialog
      isOpen={confirming}
      loading={isPending}
      title="Delete OAuth application"
      content={
        <DialogContentText>
          Delete “{record?.name}”? Clients using its credentials will no longer get tokens. This cannot be undone.
        </DialogContentText>
      }
      confirm="Delete"
      destructive
      onConfirm={remove}
      onClose={() => setConfirming(false)}
    />
  );

  return { start: () => setConfirming(true), isPending, confirmDialog };
};
