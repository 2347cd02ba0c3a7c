import type { EmailTemplateInput } from '@keyhouse/shared-contracts';
import { Box, Stack } from '@mui/material';
import { Create, Loading, maxLength, regex, required, SelectInput, SimpleForm, TextInput } from 'react-admin';

import { AUDIENCE_LABELS, CreateToolbar, EVENT_CHOICES } from '../common';
import { type SettingScopes, useSettingScopes } from '../notification-settings';
import { TemplateBodyInput } from './TemplateBodyInput';
import { TemplatePreview } from './TemplatePreview';

const AUDIENCE_CHOICES = Object.entries(AUDIENCE_LABELS).map(([id, name]) => ({ id, name }));

/** The select's empty choice is the platform: react-admin sends it as an empty string or null. */
const toTemplateInput = ({ organizationId, ...template }: EmailTemplateInput): EmailTemplateInput => ({ ...template, organizationId: organizationId || null });

/**
 * Whose template it is. An operator adds the platform's (the default) or an organization's; an
 * organization administrator their organization's, chosen only when they have several.
 */
const AppliesToInput = ({ scopes }: { scopes: SettingScopes }) => {
  if (scopes.platformOperator) {
    return (
      <SelectInput
        source="organizationId"
        label="Applies to"
        choices={scopes.editable}
        emptyText="Platform: every organization"
        helperText="Empty: the platform's template, for every organization without its own. Or one organization's own."
      />
    );
  }
  if (scopes.editable.length < 2) return null;
  return <SelectInput source="organizationId" label="Applies to" choices={scopes.editable} validate={required()} />;
};

/**
 * A template in another language. The seeded English ones stay the fallback: recipients whose
 * locale has no template of its own read those.
 */
export const EmailTemplateCreate = () => {
  const scopes = useSettingScopes();
  if (scopes.isPending) return <Loading />;
  // An organization administrator writes for their organization: the first one unless they choose.
  const defaultValues = { organizationId: scopes.platformOperator ? null : (scopes.editable[0]?.id ?? null) };

  return (
    // Pessimistic: a duplicate locale or a bad placeholder must come back to its field.
    <Create mutationMode="pessimistic" redirect="list" title="Add an email template translation" transform={toTemplateInput}>
      <SimpleForm defaultValues={defaultValues} toolbar={<CreateToolbar />} warnWhenUnsavedChanges>
        <Box sx={{ width: '100%', display: 'grid', gap: 4, gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' } }}>
          <Stack spacing={1}>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <SelectInput source="event" label="Event" choices={EVENT_CHOICES} validate={required()} />
              <SelectInput source="audience" label="Recipient" choices={AUDIENCE_CHOICES} validate={required()} />
              <TextInput
                source="locale"
                label="Locale"
                validate={[required(), regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'Use a language tag such as de or pt-BR.')]}
                helperText="A language tag such as de or pt-BR."
              />
            </Stack>
            <AppliesToInput scopes={scopes} />
            <TextInput source="subject" label="Subject" validate={[required(), maxLength(255)]} helperText="Plain text; placeholders work here too." />
            <TemplateBodyInput />
          </Stack>
          <TemplatePreview />
        </Box>
      </SimpleForm>
    </Create>
  );
};
