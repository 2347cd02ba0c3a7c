import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { Collapse, List, ListItemIcon, listItemIconClasses, ListItemText, MenuItem, Tooltip } from '@mui/material';
import { type ReactElement, type ReactNode, useId } from 'react';
import { useSidebarState, useStore } from 'react-admin';

interface MenuGroupProps {
  /** Key under which the open/closed state is remembered across visits. */
  id: string;
  label: string;
  icon: ReactElement;
  children: ReactNode;
}

/**
 * A collapsible group of menu entries (open-source react-admin has no SubMenu).
 * The header is a menu item itself, so arrow keys, Enter and Space reach and
 * toggle it like any other entry of react-admin's menu.
 */
export const MenuGroup = ({ id, label, icon, children }: MenuGroupProps) => {
  const [open, setOpen] = useStore(`menu.${id}.open`, false);
  const [sidebarOpen] = useSidebarState();
  const groupId = useId();

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
