import { Menu as RaMenu, useCanAccessResources } from 'react-admin';

import { MenuGroup } from './MenuGroup';
import { NAVIGATION, type NavigationEntry, resourcesUnder } from './navigation';

const EVERY_RESOURCE = NAVIGATION.flatMap(resourcesUnder);

/**
 * The back-office navigation, drawn from NAVIGATION. react-admin hides each entry the signed-in
 * user may not list (authProvider.canAccess); a group with none left is hidden too, or it would
 * open on nothing.
 */
export const Menu = () => {
  const { canAccess } = useCanAccessResources({ action: 'list', resources: EVERY_RESOURCE });
  const entry = (item: NavigationEntry) => {
    if (typeof item === 'string') return <RaMenu.ResourceItem key={item} name={item} />;
    const resources = resourcesUnder(item);
    if (!resources.some((resource) => canAccess?.[resource] === true)) return null;
    return (
      <MenuGroup key={item.id} id={item.id} label={item.label} icon={<item.icon />} resources={resources}>
        {item.entries.map(entry)}
      </MenuGroup>
    );
  };

  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {NAVIGATION.map(entry)}
    </RaMenu>
  );
};
