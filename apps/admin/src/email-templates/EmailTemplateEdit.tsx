import type { EmailTemplateDto } from '@keyhouse/shared-contracts';
import { Box, Stack } from '@mui/material';
import { Edit, Labeled, maxLength, required, SimpleForm, TextField, TextInput, useRecordContext } from 'react-admin';

import { EditToolbar, EventField } from '../common';
import { SettingScopeNotice, useSettingScopes } from '../notification-settings';
import type { TemplateText } from '../providers/dataProvider';
import { AudienceField } from './AudienceField';
import { TemplateActions } from './TemplateActions';
import { TemplateBodyInput } from './TemplateBodyInput';
import { RenderedTemplate, TemplatePreview } from './TemplatePreview';

/** The event, audience, locale and organization identify the template; only the text can change. */
const toTemplateText = ({ subject, body }: EmailTemplateDto): TemplateText => ({ subject, body });

const TWO_COLUMNS = { width: '100%', display: 'grid', gap: 4, gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' } };

/** What the template is for, which the form does not change. */
const TemplateIdentity = () => (
  <Stack direction="row" spacing={4}>
    <Labeled label="Event">
      <EventField />
    </Labeled>
    <Labeled label="Recipient">
      <AudienceField />
    </Labeled>
    <Labeled label="Locale">
      <TextField source="locale" />
    </Labeled>
  </Stack>
);

const TemplateForm = () => (
  <SimpleForm toolbar={<EditToolbar />} warnWhenUnsavedChanges>
    <SettingScopeNotice actions={<TemplateActions backToList />} />
    <Box sx={TWO_COLUMNS}>
      <Stack spacing={1}>
        <TemplateIdentity />
        <TextInput
          source="subject"
          label="Subject"
          validate={[required(), maxLength(255)]}
          helperText="Plain text; placeholders such as {{ applicationName }} work here too."
        />
        <TemplateBodyInput />
      </Stack>
      <TemplatePreview />
    </Box>
  </SimpleForm>
);

/** A platform template as an organization administrator sees it: what their mail says until they customize it. */
const TemplateReadOnly = ({ template }: { template: EmailTemplateDto }) => (
  <Stack spacing={2} sx={{ p: 2 }}>
    <SettingScopeNotice actions={<TemplateActions backToList />} />
    <Box sx={TWO_COLUMNS}>
      <Stack spacing={1}>
        <TemplateIdentity />
        <Labeled label="Subject">
          <TextField source="subject" />
        </Labeled>
      </Stack>
      <RenderedTemplate subject={template.subject} body={template.body} />
    </Box>
  </Stack>
);

const TemplateEditView = () => {
  const template = useRecordContext<EmailTemplateDto>();
  const scopes = useSettingScopes();
  if (!template || scopes.isPending) return null;
  return scopes.mayChange(template.organizationId) ? <TemplateForm /> : <TemplateReadOnly template={template} />;
};

export const EmailTemplateEdit = () => (
  // Pessimistic: the API's validation messages must reach the fields, which an undoable save cannot do.
  <Edit mutationMode="pessimistic" transform={toTemplateText} redirect="list">
    <TemplateEditView />
  </Edit>
);
