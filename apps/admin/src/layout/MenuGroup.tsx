import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { Collapse, List, ListItemIcon, listItemIconClasses, ListItemText, MenuItem, Tooltip } from '@mui/material';
import { type ReactElement, type ReactNode, useEffect, useId } from 'react';
import { useSidebarState, useStore } from 'react-admin';

import { usePageLocation } from './usePageLocation';

interface MenuGroupProps {
  /** Key under which the open/closed state is remembered across visits. */
  id: string;
  label: string;
  icon: ReactElement;
  /** The resources it leads to: a page of one of them opens the group (a deep link, a bookmark). */
  resources: string[];
  children: ReactNode;
}

/**
 * A collapsible group of menu entries (open-source react-admin has no SubMenu), opened when the
 * page shown is one of its own.
 * The header is a menu item itself, so arrow keys, Enter and Space reach and
 * toggle it like any other entry of react-admin's menu.
 */
export const MenuGroup = ({ id, label, icon, resources, children }: MenuGroupProps) => {
  const [open, setOpen] = useStore(`menu.${id}.open`, false);
  const [sidebarOpen] = useSidebarState();
  const groupId = useId();
  const location = usePageLocation();
  const holdsPage = 'resource' in location && resources.includes(location.resource);

  // Opened on arriving at one of its pages; closing it there again is the user's choice.
  useEffect(() => {
    if (holdsPage) setOpen(true);
  }, [holdsPage, setOpen]);

  return (
    <>
      <Tooltip title={sidebarOpen ? '' : label} placement="right">
        <MenuItem
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          aria-controls={groupId}
          aria-label={label}
          // The icon column of react-admin's own menu items, so that labels line up.
          sx={{ color: 'text.secondary', [`& .${listItemIconClasses.root}`]: { minWidth: 40 } }}
        >
          <ListItemIcon>{icon}</ListItemIcon>
          {sidebarOpen && <ListItemText primary={label} />}
          {open ? <ExpandLess fontSize="small" /> : <ExpandMore fontSize="small" />}
        </MenuItem>
      </Tooltip>
      <Collapse in={open} timeout="auto" unmountOnExit>
        <List id={groupId} component="div" role="group" aria-label={label} disablePadding sx={{ pl: sidebarOpen ? 2 : 0 }}>
          {children}
        </List>
      </Collapse>
    </>
  );
};
