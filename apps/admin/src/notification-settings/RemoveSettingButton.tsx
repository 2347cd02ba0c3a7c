import type { NotificationSettingScope } from '@keyhouse/shared-contracts';
import RestoreIcon from '@mui/icons-material/Restore';
import { DialogContentText } from '@mui/material';
import { useState } from 'react';
import { Button, useDelete, useNotify, useRedirect } from 'react-admin';

import { ConfirmDialog } from '../common';

interface RemoveSettingButtonProps {
  resource: 'notification-rules' | 'email-templates';
  record: NotificationSettingScope & { id: number };
  label: string;
  title: string;
  content: string;
  done: string;
  /** After removing it from its edit page, back to the list; in the list, it only leaves. */
  backToList?: boolean;
}

/** Deletes an organization's setting (the platform default applies again) or a platform translation, after a confirmation. */
export const RemoveSettingButton = ({ resource, record, label, title, content, done, backToList = false }: RemoveSettingButtonProps) => {
  const [confirming, setConfirming] = useState(false);
  const [remove, { isPending }] = useDelete();
  const notify = useNotify();
  const redirect = useRedirect();

  const confirm = () =>
    remove(
      resource,
      { id: record.id, previousData: record },
      {
        onSuccess: () => {
          setConfirming(false);
          notify(done, { type: 'info' });
          if (backToList) redirect('list', resource);
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );

  return (
    <>
      <Button label={label} color="warning" onClick={() => setConfirming(true)} disabled={isPending}>
        <RestoreIcon />
      </Button>
      <ConfirmDialog
        isOpen={confirming}
        loading={isPending}
        title={title}
        content={<DialogContentText>{content}</DialogContentText>}
        confirm={label}
        destructive
        onConfirm={confirm}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
