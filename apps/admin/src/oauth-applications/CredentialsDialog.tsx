import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useId, useState } from 'react';

import { ConfirmDialog } from '../common';
import type { OneTimeCredentials } from '../providers/dataProvider';
import { CopyableField } from './CopyableField';

interface CredentialsDialogProps {
  title: string;
  /** Held by the caller's state only; the dialog is open while there are credentials to show. */
  credentials: OneTimeCredentials | null;
  onClose(): void;
}

/**
 * Shows a client ID and its secret the one time the API hands the secret out. Closing before the
 * secret was copied asks first (as Oro warns): nothing can show it again.
 */
export const CredentialsDialog = ({ title, credentials, onClose }: CredentialsDialogProps) => {
  const titleId = useId();
  // The credentials whose secret was copied: new credentials start uncopied.
  const [copied, setCopied] = useState<OneTimeCredentials | null>(null);
  const [asking, setAsking] = useState(false);

  const requestClose = () => {
    if (credentials?.clientSecret == null || copied === credentials) onClose();
    else setAsking(true);
  };
  const close = () => {
    setAsking(false);
    onClose();
  };

  return (
    <>
      <Dialog
        open={credentials !== null}
        // A stray click beside the dialog must not throw the secret away; Escape and Close are deliberate.
        onClose={(_event, reason) => reason !== 'backdropClick' && requestClose()}
        aria-labelledby={titleId}
        maxWidth="sm"
        fullWidth
      >
        <DialogTitle id={titleId}>{title}</DialogTitle>
        {credentials && (
          <DialogContent>
            <Stack spacing={2.5} sx={{ pt: 1 }}>
              {credentials.clientSecret === null ? (
                <Alert severity="info">
                  This is a public client: it has no Client Secret and proves itself with PKCE instead.
                </Alert>
              ) : (
                <Alert severity="warning">
                  For security reasons, the Client Secret is displayed only once. You cannot view it anywhere in the
                  application once you close this dialog, so make sure you save it somewhere safe.
                </Alert>
              )}
              <CopyableField label="Client ID" value={credentials.clientId} />
              {credentials.clientSecret !== null && (
                <CopyableField label="Client Secret" value={credentials.clientSecret} onCopied={() => setCopied(credentials)} />
              )}
            </Stack>
          </DialogContent>
        )}
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button variant="contained" onClick={requestClose}>
            Close
          </Button>
        </DialogActions>
      </Dialog>
      <ConfirmDialog
        isOpen={asking && credentials !== null}
        title="Have you saved the Client Secret?"
        content={
          <DialogContentText>
            For security reasons, the Client Secret is displayed only once. You cannot view it again once you close
            this dialog.
          </DialogContentText>
        }
        confirm="Close"
        cancel="Back to the secret"
        destructive
        onConfirm={close}
        onClose={() => setAsking(false)}
      />
    </>
  );
};
