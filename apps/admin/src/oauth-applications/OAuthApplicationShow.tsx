import { TOKEN_ENDPOINT_AUTH_METHOD_LABELS, type OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { DateField, FunctionField, Labeled, Show, TextField } from 'react-admin';

import { OrganizationField, Section } from '../common';
import { ApplicationInstallations } from '../oauth-installations';
import { ActiveField, ApplicationTypeField, ClientIdField, GrantsField } from './ApplicationFields';
import { ApplicationSecuritySection } from './ApplicationSecuritySection';
import { ApplicationShowActions } from './ApplicationShowActions';
import { ApplicationUsageSection } from './ApplicationUsageSection';
import { ClientKeysField } from './ClientKeysField';
import { AuthorizationCodeFields } from './AuthorizationCodeFields';
import { ClientSecretsSection } from './ClientSecretsSection';
import { CopyButton } from './CopyButton';
import { DormantBadge } from './DormantBadge';
import { KeysMissingAlert } from './KeysMissingAlert';
import { ThrottledBadge } from './ThrottledBadge';

const ListOrNone = ({ items, none, monospace = false }: { items: string[]; none: string; monospace?: boolean }) =>
  items.length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      {none}
    </Typography>
  ) : (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {items.map((item) => (
        <Chip key={item} size="small" label={item} sx={monospace ? { fontFamily: 'monospace' } : undefined} />
      ))}
    </Stack>
  );

export const OAuthApplicationShow = () => (
  <>
    <KeysMissingAlert sx={{ mt: 2 }} />
    <Show<OAuthApplicationDto> actions={<ApplicationShowActions />}>
      <Box sx={{ p: 3, display: 'grid', gap: 4, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' } }}>
        <Section title="General">
          <Labeled label="Application Name">
            <TextField source="name" />
          </Labeled>
          <Labeled label="Integration name">
            <TextField source="slug" />
          </Labeled>
          <Labeled label="Client ID">
            <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5 }}>
              <ClientIdField />
              <FunctionField<OAuthApplicationDto> render={(record) => <CopyButton label="Client ID" value={record.clientId} />} />
            </Stack>
          </Labeled>
          <Labeled label="Organization">
            <OrganizationField link />
          </Labeled>
          <Labeled label="Active">
            <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
              <ActiveField />
              <DormantBadge />
              <ThrottledBadge />
            </Stack>
          </Labeled>
        </Section>
        <Section title="Access">
          <Labeled label="Grants">
            <GrantsField />
          </Labeled>
          <Labeled label="Application type">
            <ApplicationTypeField />
          </Labeled>
          <Labeled label="Users">
            <TextField source="owner.name" emptyText="—" />
          </Labeled>
          <Labeled label="Client type">
            <FunctionField<OAuthApplicationDto>
              render={(record) => (record.confidential ? 'Confidential' : 'Public (PKCE, no secret)')}
            />
          </Labeled>
          <Labeled label="Client authentication">
            <FunctionField<OAuthApplicationDto> render={(record) => TOKEN_ENDPOINT_AUTH_METHOD_LABELS[record.tokenEndpointAuthMethod]} />
          </Labeled>
          <ClientKeysField />
          <Labeled label="Redirect URIs">
            <FunctionField<OAuthApplicationDto>
              render={(record) => <ListOrNone items={record.redirectUris} none="None" monospace />}
            />
          </Labeled>
          <AuthorizationCodeFields />
          <Labeled label="Scopes">
            <FunctionField<OAuthApplicationDto> render={(record) => <ListOrNone items={record.scopes} none="None" />} />
          </Labeled>
          <Labeled label="Access token lifetime">
            <FunctionField<OAuthApplicationDto>
              render={(record) => (record.accessTokenTtl === null ? "Server's default" : `${record.accessTokenTtl} seconds`)}
            />
          </Labeled>
        </Section>
        <Section title="Activity">
          <Labeled label="Created At">
            <DateField source="createdAt" showTime />
          </Labeled>
          <Labeled label="Updated At">
            <DateField source="updatedAt" showTime />
          </Labeled>
          <Labeled label="Last Used At">
            <DateField source="lastUsedAt" showTime emptyText="Never" />
          </Labeled>
        </Section>
      </Box>
      <ApplicationSecuritySection />
      <ApplicationUsageSection />
      <ClientSecretsSection />
      <ApplicationInstallations />
    </Show>
  </>
);
