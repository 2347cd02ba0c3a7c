import type { EmailDto } from '@keyhouse/shared-contracts';
import { Alert, Box, Skeleton } from '@mui/material';
import { DateField, FunctionField, Labeled, NumberField, Show, TextField, TopToolbar, useRecordContext } from 'react-admin';

import { EmailPreviewFrame, EventField, Section } from '../common';
import { EmailStatusField } from './EmailStatusField';
import { ResendEmailButton } from './ResendEmailButton';

/** Why the email has not gone out (no SMTP configured, or the last error), above everything else. */
const NotSentAlert = () => {
  const record = useRecordContext<EmailDto>();
  if (!record?.notSentReason) return null;
  return (
    <Alert severity={record.status === 'failed' ? 'error' : 'warning'} sx={{ mx: 3, mt: 3 }}>
      {record.notSentReason}
    </Alert>
  );
};

/**
 * Only the single-email answer carries the HTML. Until it arrives react-admin shows
 * the copy of the email that the list fetched, which has none.
 */
const BodyPreview = () => {
  const record = useRecordContext<EmailDto>();
  if (record?.html === undefined) return <Skeleton variant="rounded" height={420} />;
  return <EmailPreviewFrame html={record.html} title="Email preview" />;
};

export const EmailShow = () => (
  <Show<EmailDto>
    actions={
      <TopToolbar>
        <ResendEmailButton />
      </TopToolbar>
    }
  >
    <NotSentAlert />
    <Box sx={{ p: 3, display: 'grid', gap: 4, gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) minmax(0, 2fr)' } }}>
      <Section title="Delivery">
        <Labeled label="To">
          <TextField source="to" />
        </Labeled>
        <Labeled label="Subject">
          <TextField source="subject" />
        </Labeled>
        <Labeled label="Event">
          <EventField />
        </Labeled>
        <Labeled label="Status">
          <EmailStatusField />
        </Labeled>
        <Labeled label="Attempts">
          <NumberField source="attempts" />
        </Labeled>
        <Labeled label="Created">
          <DateField source="createdAt" showTime />
        </Labeled>
        <Labeled label="Next attempt">
          <FunctionField<EmailDto>
            render={(record) => (record.status === 'pending' ? new Date(record.nextAttemptAt).toLocaleString() : '—')}
          />
        </Labeled>
        <Labeled label="Sent">
          <DateField source="sentAt" showTime emptyText="Not yet" />
        </Labeled>
        <Labeled label="Last error">
          <TextField source="lastError" emptyText="None" />
        </Labeled>
      </Section>
      <Section title="Preview">
        <BodyPreview />
      </Section>
    </Box>
  </Show>
);
