import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import MoreHorizIcon from '@mui/icons-material/MoreHoriz';
import { Box, IconButton, Menu, MenuItem } from '@mui/material';
import { type MouseEvent, useId, useState } from 'react';
import { Link, useCanAccess, useCreatePath, useRecordContext } from 'react-admin';

import { APPLICATIONS } from './resourceNames';
import { useActiveToggle, useConfirmedDelete } from './useApplicationActions';
import { useIsThrottled, useUnlock } from './useApplicationThrottle';

// The menu and the dialogs render in portals, yet React still bubbles their
// clicks up to the row, whose own click would open the show page.
const keepFromRow = (event: MouseEvent) => event.stopPropagation();

/** Oro's "More options" menu of a grid row: View, Edit, Activate/Deactivate, Unlock (when throttled), Delete, as permitted. */
export const ApplicationRowMenu = () => {
  const record = useRecordContext<OAuthApplicationDto>();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const createPath = useCreatePath();
  const { canAccess: canShow } = useCanAccess({ resource: APPLICATIONS, action: 'show' });
  const { canAccess: canEdit } = useCanAccess({ resource: APPLICATIONS, action: 'edit' });
  const { canAccess: canDelete } = useCanAccess({ resource: APPLICATIONS, action: 'delete' });
  const activeToggle = useActiveToggle(record);
  const deletion = useConfirmedDelete(record);
  const throttled = useIsThrottled(record);
  const unlock = useUnlock(record);

  if (!record || !(canShow || canEdit || canDelete)) return null;

  const close = () => setAnchor(null);
  const closeThen = (action: () => void) => () => {
    close();
    action();
  };

  return (
    <Box component="span" onClick={keepFromRow}>
      <IconButton
        aria-label="More options"
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={Boolean(anchor)}
        size="small"
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <MoreHorizIcon />
      </IconButton>
      <Menu id={menuId} anchorEl={anchor} open={Boolean(anchor)} onClose={close}>
        {canShow && (
          <MenuItem component={Link} to={createPath({ resource: APPLICATIONS, type: 'show', id: record.id })}>
            View
          </MenuItem>
        )}
        {canEdit && (
          <MenuItem component={Link} to={createPath({ resource: APPLICATIONS, type: 'edit', id: record.id })}>
            Edit
          </MenuItem>
        )}
        {canEdit && <MenuItem onClick={closeThen(activeToggle.start)}>{activeToggle.label}</MenuItem>}
        {canEdit && throttled && <MenuItem onClick={closeThen(unlock.start)}>Unlock</MenuItem>}
        {canDelete && <MenuItem onClick={closeThen(deletion.start)}>Delete</MenuItem>}
      </Menu>
      {activeToggle.confirmDialog}
      {unlock.confirmDialog}
      {deletion.confirmDialog}
    </Box>
  );
};
