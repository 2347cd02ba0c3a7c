import type { EmailTemplateDto } from '@keyhouse/shared-contracts';
import { Box, Stack } from '@mui/material';
import { Edit, Labeled, maxLength, required, SimpleForm, TextField, TextInput } from 'react-admin';

import { EditToolbar, EventField } from '../common';
import type { TemplateText } from '../providers/dataProvider';
import { AudienceField } from './AudienceField';
import { TemplateBodyInput } from './TemplateBodyInput';
import { TemplatePreview } from './TemplatePreview';

/** The event, audience and locale identify the template; only the text can change. */
const toTemplateText = ({ subject, body }: EmailTemplateDto): TemplateText => ({ subject, body });

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

export const EmailTemplateEdit = () => (
  // Pessimistic: the API's validation messages must reach the fields, which an undoable save cannot do.
  <Edit mutationMode="pessimistic" transform={toTemplateText} redirect="list">
    <SimpleForm toolbar={<EditToolbar />}>
      <Box sx={{ width: '100%', display: 'grid', gap: 4, gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' } }}>
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
  </Edit>
);
