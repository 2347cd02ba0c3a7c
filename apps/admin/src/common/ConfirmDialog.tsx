import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { type ReactNode, useId } from 'react';

interface ConfirmDialogProps {
  isOpen: boolean;
  loading?: boolean;
  title: string;
  content: ReactNode;
  /** The confirming button's label: the action's own verb (Delete, Revoke...), never "Confirm". */
  confirm: string;
  /** The button that leaves things as they were. */
  cancel?: string;
  /** Deletes, revokes or stops something: the confirming button is red and the other one has the focus. */
  destructive?: boolean;
  onConfirm(): void;
  onClose(): void;
}

/**
 * A question before an action, in place of react-admin's Confirm: that one puts a tick on the
 * confirming button and a "!" on Cancel, and colours a destructive action as text only.
 */
export const ConfirmDialog = ({
  isOpen,
  loading = false,
  title,
  content,
  confirm,
  cancel = 'Cancel',
  destructive = false,
  onConfirm,
  onClose,
}: ConfirmDialogProps) => {
  const titleId = useId();

  return (
    <Dialog
      open={isOpen}
      onClose={onClose}
      aria-labelledby={titleId}
      // React passes a portal's clicks to the components around it: a dialog opened from a grid row would open the row.
      onClick={(event) => event.stopPropagation()}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>{content}</DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={loading} autoFocus={destructive}>
          {cancel}
        </Button>
        <Button
          variant="contained"
          color={destructive ? 'error' : 'primary'}
          onClick={onConfirm}
          disabled={loading}
          autoFocus={!destructive}
        >
          {confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
