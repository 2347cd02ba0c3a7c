import type { InstallAppInput, MarketplaceAppDto, MembershipAccessDto } from '@keyhouse/shared-contracts';
import {
  Alert,
  Autocomplete,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { keepPreviousData, useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useDataProvider, useDebouncedEvent, useGetList } from 'react-admin';

import { useAccess } from '../common';
import type { KeyhouseDataProvider } from '../providers/dataProvider';
import { ScopeChips } from './ScopeChips';

const MARKETPLACE_APPS = 'marketplace-apps';

/** The app's own install page for this organization (the API's `{organization}` placeholder). */
const fillInstallUrl = (installUrl: string, organizationId: number) =>
  installUrl.replaceAll('{organization}', encodeURIComponent(String(organizationId)));

interface AppPickerProps {
  value: MarketplaceAppDto | null;
  onChange(app: MarketplaceAppDto | null): void;
}

/** The marketplace, searched by name on the server as one types. */
const AppPicker = ({ value, onChange }: AppPickerProps) => {
  const [name, setName] = useState('');
  const search = useDebouncedEvent((text: string) => setName(text.trim()), 300);
  const { data = [], isFetching, error } = useGetList<MarketplaceAppDto>(
    MARKETPLACE_APPS,
    { filter: name ? { name } : {}, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 25 } },
    // The options stay while the next search runs, instead of flashing "No apps".
    { placeholderData: keepPreviousData },
  );

  return (
    <Autocomplete
      options={data}
      value={value}
      onChange={(_event, app) => onChange(app)}
      onInputChange={(_event, text, reason) => {
        // Choosing an option writes its name into the box: that is not a search.
        if (reason !== 'reset') search(text);
      }}
      // The options are the server's answer to the name typed: nothing left to filter here.
      filterOptions={(options) => options}
      getOptionLabel={(app) => app.name}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      loading={isFetching}
      noOptionsText={name ? `No app matches “${name}”` : 'No app can be installed yet'}
      renderOption={({ key, ...props }, app) => (
        <li key={key} {...props}>
          <Stack>
            <span>{app.name}</span>
            <Typography variant="caption" color="text.secondary">
              by {app.organizationName}
            </Typography>
          </Stack>
        </li>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label="App"
          required
          autoFocus
          error={Boolean(error)}
          helperText={error ? (error as Error).message : 'Search the apps you may install by name.'}
        />
      )}
    />
  );
};

interface OrganizationPickerProps {
  memberships: MembershipAccessDto[];
  value: number;
  onChange(organizationId: number): void;
}

/** One's own organizations only: installing is consenting as oneself, and the app's tokens act as the member there. */
const OrganizationPicker = ({ memberships, value, onChange }: OrganizationPickerProps) => (
  <TextField
    select
    label="Organization"
    value={value}
    onChange={(event) => onChange(Number(event.target.value))}
    helperText="The app gets access to this organization's data."
  >
    {memberships.map(({ organizationId, organizationName }) => (
      <MenuItem key={organizationId} value={organizationId}>
        {organizationName}
      </MenuItem>
    ))}
  </TextField>
);

/** What installing the chosen app does, said before it is done. */
const InstallSummary = ({ app, organizationId }: { app: MarketplaceAppDto; organizationId: number }) => {
  if (app.installUrl === null && !app.confidential) {
    return (
      <Alert severity="warning">
        {app.name} is a public client: it proves itself with PKCE, which only its own website can start. Install it
        from there.
      </Alert>
    );
  }
  return (
    <Stack spacing={1.5}>
      <Stack spacing={0.5}>
        <Typography variant="body2" color="text.secondary">
          Scopes
        </Typography>
        <ScopeChips scopes={app.scopes} />
      </Stack>
      <Alert severity="info">
        {app.installUrl === null
          ? `Keyhouse grants ${app.name} access at once and takes you to the app to finish.`
          : `You will continue on ${new URL(fillInstallUrl(app.installUrl, organizationId)).host}, where the app asks for access.`}
      </Alert>
    </Stack>
  );
};

/**
 * Install an app from the marketplace: with an install URL the app's own page takes over (it
 * starts the authorization itself); otherwise the API grants it and answers where to send the
 * browser, code included.
 */
export const InstallAppDialog = ({ open, onClose }: { open: boolean; onClose(): void }) => {
  const titleId = useId();
  // The identity's memberships, not every organization an operator can see: one installs only where one belongs.
  const { memberships } = useAccess();
  const dataProvider = useDataProvider<KeyhouseDataProvider>();
  const [app, setApp] = useState<MarketplaceAppDto | null>(null);
  const [chosenOrganizationId, setOrganizationId] = useState<number | undefined>();
  const [leaving, setLeaving] = useState(false);
  const organizationId = chosenOrganizationId ?? memberships[0]?.organizationId;

  const leaveFor = (url: string) => {
    setLeaving(true);
    window.location.assign(url);
  };

  const { mutate: install, isPending, error, reset } = useMutation({
    mutationFn: (input: InstallAppInput) => dataProvider.installApp(input),
    onSuccess: ({ redirectUrl }) => leaveFor(redirectUrl),
  });

  const installable = app !== null && organizationId !== undefined && (app.installUrl !== null || app.confidential);
  const busy = isPending || leaving;

  const submit = (event: FormEvent<HTMLElement>) => {
    event.preventDefault();
    if (!installable || busy) return;
    if (app.installUrl !== null) leaveFor(fillInstallUrl(app.installUrl, organizationId));
    else install({ integrationName: app.slug, organizationId });
  };

  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      aria-labelledby={titleId}
      maxWidth="sm"
      fullWidth
      slotProps={{ paper: { component: 'form', onSubmit: submit } }}
    >
      <DialogTitle id={titleId}>Install app</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          <AppPicker
            value={app}
            onChange={(next) => {
              setApp(next);
              reset();
            }}
          />
          {memberships.length > 1 && organizationId !== undefined && (
            <OrganizationPicker memberships={memberships} value={organizationId} onChange={setOrganizationId} />
          )}
          {app && organizationId !== undefined && <InstallSummary app={app} organizationId={organizationId} />}
          {error && <Alert severity="error">{error.message}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant="contained"
          disabled={!installable || busy}
          startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}
        >
          Install
        </Button>
      </DialogActions>
    </Dialog>
  );
};
