import type { OAuthInstallationDto } from '@keyhouse/shared-contracts';
import { DialogContentText } from '@mui/material';
import { useState } from 'react';
import { useDelete, useNotify } from 'react-admin';

import { ConfirmDialog } from '../common';

export const INSTALLATIONS = 'oauth-installations';
/** The signed-in user's own installations (the data provider maps it to `oauth-installations?mine`). */
export const CONNECTED_APPS = 'connected-apps';

type Resource = typeof INSTALLATIONS | typeof CONNECTED_APPS;

/** Administrators uninstall an organization's app; users disconnect an app from their own account. */
const WORDING = {
  [INSTALLATIONS]: {
    title: 'Uninstall app',
    confirm: 'Uninstall',
    done: 'App uninstalled',
    question: ({ application, organizationName }: OAuthInstallationDto) =>
      `Uninstall “${application.name}” from ${organizationName}? Every access token and refresh token it holds ` +
      'for this installation stops working immediately; it needs to be installed again to get access back.',
  },
  [CONNECTED_APPS]: {
    title: 'Disconnect app',
    confirm: 'Disconnect',
    done: 'App disconnected',
    question: ({ application, organizationName }: OAuthInstallationDto) =>
      `Disconnect “${application.name}” from your account in ${organizationName}? Its access tokens and refresh ` +
      'tokens stop working immediately. You can connect it again from the app later.',
  },
};

/**
 * Uninstall after a confirmation: the API revokes the installation's tokens at once, so there
 * is no undo. Render `confirmDialog` next to the trigger.
 */
export const useUninstall = (record: OAuthInstallationDto | undefined, resource: Resource = INSTALLATIONS) => {
  const [deleteOne, { isPending }] = useDelete<OAuthInstallationDto>();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const wording = WORDING[resource];

  const uninstall = () => {
    if (!record) return;
    deleteOne(
      resource,
      { id: record.id, previousData: record },
      {
        // Pessimistic: the tokens are gone only once the API says so, and a refusal must not flash the row away.
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setConfirming(false);
          notify(wording.done, { type: 'info' });
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );
  };

  const confirmDialog = (
    <ConfirmDialog
      isOpen={confirming}
      loading={isPending}
      title={wording.title}
      content={<DialogContentText>{record && wording.question(record)}</DialogContentText>}
      confirm={wording.confirm}
      destructive
      onConfirm={uninstall}
      onClose={() => setConfirming(false)}
    />
  );

  return { label: wording.confirm, start: () => setConfirming(true), isPending, confirmDialog };
};
