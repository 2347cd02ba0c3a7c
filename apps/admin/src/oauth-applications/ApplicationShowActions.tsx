import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import PauseCircleIcon from '@mui/icons-material/PauseCircleOutlined';
import PlayCircleIcon from '@mui/icons-material/PlayCircleOutlined';
import { IconButton, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import { useId, useState } from 'react';
import {
  Button,
  EditButton,
  Link,
  TopToolbar,
  useCanAccess,
  useCreatePath,
  useRecordContext,
  useRedirect,
  useResourceContext,
} from 'react-admin';

import { useIsPhone } from '../common';
import { REGENERATE_LABEL, useRegenerateSecret } from './useRegenerateSecret';
import { APPLICATIONS } from './resourceNames';
import { useActiveToggle, useConfirmedDelete } from './useApplicationActions';

/** What the signed-in user may do to the application, in its organization, whichever list the page was opened from. */
const useShowActions = () => {
  const record = useRecordContext<OAuthApplicationDto>();
  const redirect = useRedirect();
  // Back to the list the page was opened from: the grid, or "My OAuth applications".
  const resource = useResourceContext() ?? APPLICATIONS;
  const { canAccess: canEdit } = useCanAccess({ resource: APPLICATIONS, action: 'edit' });
  const { canAccess: canDelete } = useCanAccess({ resource: APPLICATIONS, action: 'delete' });
  const activeToggle = useActiveToggle(record);
  const regeneration = useRegenerateSecret(record);
  const deletion = useConfirmedDelete(record, () => redirect('list', resource));
  const dialogs = (
    <>
      {activeToggle.confirmDialog}
      {regeneration.dialogs}
      {deletion.confirmDialog}
    </>
  );
  return { record, canEdit: canEdit === true, canDelete: canDelete === true, activeToggle, regeneration, deletion, dialogs };
};

const ToolbarActions = () => {
  const { record, canEdit, canDelete, activeToggle, regeneration, deletion, dialogs } = useShowActions();
  if (!record) return null;
  return (
    <TopToolbar>
      <EditButton resource={APPLICATIONS} />
      {canEdit && (
        <Button label={activeToggle.label} onClick={activeToggle.start} disabled={activeToggle.isPending}>
          {record.active ? <PauseCircleIcon /> : <PlayCircleIcon />}
        </Button>
      )}
      {regeneration.available && (
        <Button label={REGENERATE_LABEL} onClick={regeneration.start}>
          <AutorenewIcon />
        </Button>
      )}
      {canDelete && (
        <Button label="Delete" color="error" onClick={deletion.start}>
          <DeleteIcon />
        </Button>
      )}
      {dialogs}
    </TopToolbar>
  );
};

/** On a phone the toolbar's buttons would shrink to unlabelled icons: the same actions, named, in one menu. */
const PhoneActions = () => {
  const { record, canEdit, canDelete, activeToggle, regeneration, deletion, dialogs } = useShowActions();
  const createPath = useCreatePath();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  if (!record || !(canEdit || canDelete || regeneration.available)) return null;

  const close = () => setAnchor(null);
  const closeThen = (action: () => void) => () => {
    close();
    action();
  };

  return (
    <TopToolbar>
      <IconButton
        aria-label="More actions"
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={Boolean(anchor)}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <MoreVertIcon />
      </IconButton>
      <Menu id={menuId} anchorEl={anchor} open={Boolean(anchor)} onClose={close}>
        {canEdit && (
          <MenuItem component={Link} to={createPath({ resource: APPLICATIONS, type: 'edit', id: record.id })}>
            <ListItemIcon>
              <EditIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText>Edit</ListItemText>
          </MenuItem>
        )}
        {canEdit && (
          <MenuItem onClick={closeThen(activeToggle.start)} disabled={activeToggle.isPending}>
            <ListItemIcon>{record.active ? <PauseCircleIcon fontSize="small" /> : <PlayCircleIcon fontSize="small" />}</ListItemIcon>
            <ListItemText>{activeToggle.label}</ListItemText>
          </MenuItem>
        )}
        {regeneration.available && (
          <MenuItem onClick={closeThen(regeneration.start)}>
            <ListItemIcon>
              <AutorenewIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText>{REGENERATE_LABEL}</ListItemText>
          </MenuItem>
        )}
        {canDelete && (
          <MenuItem onClick={closeThen(deletion.start)} sx={{ color: 'error.main' }}>
            <ListItemIcon sx={{ color: 'inherit' }}>
              <DeleteIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText>Delete</ListItemText>
          </MenuItem>
        )}
      </Menu>
      {dialogs}
    </TopToolbar>
  );
};

/** Each only where the signed-in user may do it in the application's organization, whichever list the page was opened from. */
export const ApplicationShowActions = () => (useIsPhone() ? <PhoneActions /> : <ToolbarActions />);
