import type { OAuthInstallationDto } from '@keyhouse/shared-contracts';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import { Button, useCanAccess, useGetIdentity, useRecordContext } from 'react-admin';

import { INSTALLATIONS, useUninstall } from './useUninstall';

/**
 * A grid row's "Uninstall". oauth_installations.manage uninstalls any installation of the
 * caller's organizations; without it, users may still uninstall the ones they consented to.
 */
export const UninstallButton = () => {
  const record = useRecordContext<OAuthInstallationDto>();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ resource: INSTALLATIONS, action: 'delete' });
  const { label, start, isPending, confirmDialog } = useUninstall(record);

  if (!record) return null;
  const own = record.userId !== null && record.userId === identity?.id;
  if (!canAccess && !own) return null;

  return (
    <>
      <Button label={label} color="error" onClick={start} disabled={isPending}>
        <LinkOffIcon />
      </Button>
      {confirmDialog}
    </>
  );
};
