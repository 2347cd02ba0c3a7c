import TuneIcon from '@mui/icons-material/Tune';
import { Button, useCreate, useNotify, useRedirect } from 'react-admin';

import type { SettingOrganization } from './useSettingScopes';

interface CustomizeButtonProps {
  resource: 'notification-rules' | 'email-templates';
  organization: SettingOrganization;
  /** The organization's override as it starts: a copy of the platform default. */
  override: object;
}

/** Copies a platform default into the organization's own setting, then opens it to edit. */
export const CustomizeButton = ({ resource, organization, override }: CustomizeButtonProps) => {
  const [create, { isPending }] = useCreate();
  const notify = useNotify();
  const redirect = useRedirect();

  const customize = () =>
    create(
      resource,
      { data: override },
      {
        onSuccess: (created) => {
          notify(`Customized for ${organization.name}: the platform default no longer applies there.`, { type: 'info' });
          redirect('edit', resource, created.id);
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );

  return (
    <Button label="Customize" aria-label={`Customize for ${organization.name}`} onClick={customize} disabled={isPending}>
      <TuneIcon />
    </Button>
  );
};
