import AddIcon from '@mui/icons-material/Add';
import { useState } from 'react';
import { Button, useCanAccess } from 'react-admin';

import { InstallAppDialog } from './InstallAppDialog';
import { INSTALLATIONS } from './useUninstall';

/** Opens the install dialog, for those with oauth_installations.manage. */
export const InstallAppButton = ({ variant }: { variant?: 'text' | 'contained' }) => {
  const { canAccess } = useCanAccess({ resource: INSTALLATIONS, action: 'create' });
  const [open, setOpen] = useState(false);
  // A fresh dialog each time: no app or error left over from the last attempt.
  const [attempt, setAttempt] = useState(0);
  if (!canAccess) return null;
  return (
    <>
      <Button
        label="Install app"
        variant={variant}
        onClick={() => {
          setAttempt(attempt + 1);
          setOpen(true);
        }}
      >
        <AddIcon />
      </Button>
      <InstallAppDialog key={attempt} open={open} onClose={() => setOpen(false)} />
    </>
  );
};
