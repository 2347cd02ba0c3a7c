import { Box, Stack } from '@mui/material';
import { Create, maxLength, regex, required, SelectInput, SimpleForm, TextInput } from 'react-admin';

import { AUDIENCE_LABELS, EVENT_CHOICES } from '../common';
import { TemplateBodyInput } from './TemplateBodyInput';
import { TemplatePreview } from './TemplatePreview';

const AUDIENCE_CHOICES = Object.entries(AUDIENCE_LABELS).map(([id, name]) => ({ id, name }));

/**
 * A template in another language. The seeded English ones stay the fallback: recipients whose
 * locale has no template of its own read those.
 */
export const EmailTemplateCreate = () => (
  // Pessimistic: a duplicate locale or a bad placeholder must come back to its field.
  <Create mutationMode="pessimistic" redirect="list" title="Add an email template translation">
    <SimpleForm>
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
          <TextInput source="subject" label="Subject" validate={[required(), maxLength(255)]} helperText="Plain text; placeholders work here too." />
          <TemplateBodyInput />
        </Stack>
        <TemplatePreview />
      </Box>
    </SimpleForm>
  </Create>
);
