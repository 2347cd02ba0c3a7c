import type { EmailDto } from '@keyhouse/shared-contracts';
import SendIcon from '@mui/icons-material/Send';
import { DialogContentText } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext } from 'react-admin';

import { ConfirmDialog } from '../common';
import type { KeyhouseDataProvider } from '../providers/dataProvider';

const EMAILS = 'emails';

/** Queues the email again after a confirmation: the recipient may get it twice. */
export const ResendEmailButton = () => {
  const record = useRecordContext<EmailDto>();
  const dataProvider = useDataProvider<KeyhouseDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: EMAILS, action: 'resend' });
  const [confirming, setConfirming] = useState(false);

  const { mutate: resend, isPending } = useMutation({
    mutationFn: (id: EmailDto['id']) => dataProvider.resendEmail(id),
    onSuccess: () => {
      setConfirming(false);
      notify('Email queued for sending', { type: 'info' });
      // The list and this page both show the status and the attempts.
      return queryClient.invalidateQueries({ queryKey: [EMAILS] });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });

  if (!record || !canAccess) return null;

  return (
    <>
      <Button label="Resend" onClick={() => setConfirming(true)} disabled={isPending}>
        <SendIcon />
      </Button>
      <ConfirmDialog
        isOpen={confirming}
        loading={isPending}
        title="Resend email"
        content={
          <DialogContentText>
            Send “{record.subject}” to {record.to} again? It goes back to the outbox as a new email, with no attempts
            yet{record.status === 'sent' ? ', and the recipient gets it a second time' : ''}.
          </DialogContentText>
        }
        confirm="Resend"
        onConfirm={() => resend(record.id)}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
