import { usesClientSecret, type ClientSecretDto, type OAuthApplicationDto } from '@keyhouse/shared-contracts';
import AddIcon from '@mui/icons-material/Add';
import { Alert, Chip, Divider, Stack, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { Button, DataTable, DateField, ListContextProvider, useCanAccess, useList, useRecordContext } from 'react-admin';

import { PhoneList, useAccess, useIsPhone } from '../common';
import type { OneTimeCredentials } from '../providers/dataProvider';
import { AddSecretDialog } from './AddSecretDialog';
import { expiryHint, isLive, useApplicationSecrets } from './clientSecrets';
import { CredentialsDialog } from './CredentialsDialog';
import { RevokeSecretButton } from './RevokeSecretButton';
import { APPLICATIONS } from './resourceNames';

const TONES = {
  expired: { color: 'default', variant: 'outlined' },
  soon: { color: 'warning', variant: 'filled' },
  later: { color: 'default', variant: 'filled' },
} as const;

const ExpiresField = ({ secret, now }: { secret: ClientSecretDto; now: number }) => {
  if (secret.expiresAt === null) {
    return (
      <Typography variant="body2" component="span">
        Never
      </Typography>
    );
  }
  const { label, tone } = expiryHint(secret.expiresAt, now);
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="body2" component="span">
        {new Date(secret.expiresAt).toLocaleString()}
      </Typography>
      <Chip size="small" label={label} {...TONES[tone]} />
    </Stack>
  );
};

/** A secret's row on a phone, below its creation: the grid's other columns, named. */
const PhoneSecretDetails = ({ now }: { now: number }) => {
  const secret = useRecordContext<ClientSecretDto>();
  if (!secret) return null;
  return (
    <>
      <Stack direction="row" sx={{ gap: 0.5, alignItems: 'center' }}>
        Expires <ExpiresField secret={secret} now={now} />
      </Stack>
      <span>
        Last used <DateField source="lastUsedAt" showTime emptyText="Never" />
      </span>
    </>
  );
};

const PhoneRevokeButton = ({ application, lastLive }: { application: OAuthApplicationDto; lastLive: (secret: ClientSecretDto) => boolean }) => {
  const secret = useRecordContext<ClientSecretDto>();
  if (!secret) return null;
  return <RevokeSecretButton application={application} secret={secret} lastLive={lastLive(secret)} />;
};

const NO_SECRET = (
  <Typography variant="body2" color="text.secondary">
    No client secret: the application gets no tokens until one is added.
  </Typography>
);

/** "Add secret", then the new secret shown once. */
const AddSecretButton = ({ application, liveCount }: { application: OAuthApplicationDto; liveCount: number }) => {
  const [adding, setAdding] = useState(false);
  // The new secret lives here and nowhere else, until the dialog is closed.
  const [credentials, setCredentials] = useState<OneTimeCredentials | null>(null);
  return (
    <>
      <Button label="Add secret" onClick={() => setAdding(true)}>
        <AddIcon />
      </Button>
      {adding && (
        <AddSecretDialog
          application={application}
          liveCount={liveCount}
          onClose={() => setAdding(false)}
          onAdded={(added) => {
            setAdding(false);
            setCredentials(added);
          }}
        />
      )}
      <CredentialsDialog title="Client secret added" credentials={credentials} onClose={() => setCredentials(null)} />
    </>
  );
};

/**
 * The secrets of an application that authenticates with one (not a public or private_key_jwt client): when each was created, expires and was last used,
 * so an admin rotating a secret sees whether the old one is still in use before it stops.
 */
export const ClientSecretsSection = () => {
  const application = useRecordContext<OAuthApplicationDto>();
  // Listing secrets needs oauth_applications.view in the application's organization, which the
  // user an application acts as may not have (they open it from "My OAuth applications"). Read
  // from the identity: a `show` access check here would be the very one the page waits for.
  const access = useAccess();
  const { canAccess: canEdit } = useCanAccess({ resource: APPLICATIONS, action: 'edit' });
  const headingId = useId();
  const withSecrets =
    application !== undefined && usesClientSecret(application.tokenEndpointAuthMethod) && access.can('oauth_applications.view', application.organizationId);
  const { data, isPending, error } = useApplicationSecrets(application?.id, withSecrets);
  const listContext = useList<ClientSecretDto>({ data: data ?? [], isPending });
  const isPhone = useIsPhone();

  if (!application || !withSecrets) return null;
  const now = Date.now();
  const liveCount = (data ?? []).filter((secret) => isLive(secret, now)).length;
  const lastLive = (secret: ClientSecretDto) => liveCount === 1 && isLive(secret, now);

  return (
    <>
      <Divider />
      <Stack component="section" aria-labelledby={headingId} spacing={2} sx={{ p: 2 }}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography id={headingId} variant="h6" component="h2">
            Client secrets
          </Typography>
          {canEdit && <AddSecretButton application={application} liveCount={liveCount} />}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          Every secret that has not expired works at the token endpoint. To rotate without downtime, add a secret, move
          the clients to it, and let the old one expire.
        </Typography>
        {error && <Alert severity="error">{error.message}</Alert>}
        <ListContextProvider value={listContext}>
          {isPhone ? (
            <PhoneList
              primary={
                <>
                  Created <DateField source="createdAt" showTime />
                </>
              }
              secondary={<PhoneSecretDetails now={now} />}
              actions={canEdit && <PhoneRevokeButton application={application} lastLive={lastLive} />}
              empty={NO_SECRET}
            />
          ) : (
            <DataTable rowClick={false} bulkActionButtons={false} empty={NO_SECRET}>
              <DataTable.Col source="createdAt" label="Created" disableSort>
                <DateField source="createdAt" showTime />
              </DataTable.Col>
              <DataTable.Col
                source="expiresAt"
                label="Expires"
                disableSort
                render={(secret: ClientSecretDto) => <ExpiresField secret={secret} now={now} />}
              />
              <DataTable.Col source="lastUsedAt" label="Last used" disableSort>
                <DateField source="lastUsedAt" showTime emptyText="Never" />
              </DataTable.Col>
              {canEdit && (
                <DataTable.Col
                  label="Actions"
                  align="right"
                  render={(secret: ClientSecretDto) => (
                    <RevokeSecretButton
                      application={application}
                      secret={secret}
                      lastLive={lastLive(secret)}
                    />
                  )}
                />
              )}
            </DataTable>
          )}
        </ListContextProvider>
      </Stack>
    </>
  );
};
