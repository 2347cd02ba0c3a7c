import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import DeleteIcon from '@mui/icons-material/Delete';
import PauseCircleIcon from '@mui/icons-material/PauseCircleOutlined';
import PlayCircleIcon from '@mui/icons-material/PlayCircleOutlined';
import { Button, EditButton, TopToolbar, useCanAccess, useRecordContext, useRedirect, useResourceContext } from 'react-admin';

import { RegenerateSecretButton } from './RegenerateSecretButton';
import { APPLICATIONS } from './resourceNames';
import { useActiveToggle, useConfirmedDelete } from './useApplicationActions';

const ActiveToggleButton = () => {
  const record = useRecordContext<OAuthApplicationDto>();
  const { canAccess } = useCanAccess({ resource: APPLICATIONS, action: 'edit' });
  const { label, start, isPending, confirmDialog } = useActiveToggle(record);
  if (!record || !canAccess) return null;
  return (
    <>
      <Button label={label} onClick={start} disabled={isPending}>
        {record.active ? <PauseCircleIcon /> : <PlayCircleIcon />}
      </Button>
      {confirmDialog}
    </>
  );
};

const DeleteApplicationButton = () => {
  const record = useRecordContext<OAuthApplicationDto>();
  const redirect = useRedirect();
  // Back to the list the page was opened from: the grid, or "My OAuth applications".
  const resource = useResourceContext() ?? APPLICATIONS;
  const { canAccess } = useCanAccess({ resource: APPLICATIONS, action: 'delete' });
  const { start, confirmDialog } = useConfirmedDelete(record, () => redirect('list', resource));
  if (!record || !canAccess) return null;
  return (
    <>
      <Button label="Delete" color="error" onClick={start}>
        <DeleteIcon />
      </Button>
      {confirmDialog}
    </>
  );
};

/** Each only where the signed-in user may do it in the application's organization, whichever list the page was opened from. */
export const ApplicationShowActions = () => (
  <TopToolbar>
    <EditButton resource={APPLICATIONS} />
    <ActiveToggleButton />
    <RegenerateSecretButton />
    <DeleteApplicationButton />
  </TopToolbar>
);
