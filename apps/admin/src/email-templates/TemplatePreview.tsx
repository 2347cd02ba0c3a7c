import { Alert, AlertTitle, Box, LinearProgress, Skeleton, Typography } from '@mui/material';
import { HttpError } from 'react-admin';
import { useWatch } from 'react-hook-form';

import { EmailPreviewFrame, Section } from '../common';
import type { TemplateText } from '../providers/dataProvider';
import { useTemplatePreview } from './useTemplatePreview';

const FIELD_LABELS: Record<string, string> = { subject: 'Subject', body: 'Body' };

/** The reasons the server refused to render the text, one per field, or its message. */
const problemsOf = (error: Error): string[] => {
  const fieldErrors = error instanceof HttpError ? (error.body as { errors?: Record<string, string> } | null)?.errors : undefined;
  if (!fieldErrors) return [error.message];
  return Object.entries(fieldErrors).map(([field, message]) => `${FIELD_LABELS[field] ?? field}: ${message}`);
};

/** The edit form's subject and body rendered with sample values, following what is typed. */
export const TemplatePreview = () => {
  const [subject, body] = useWatch<TemplateText, ['subject', 'body']>({ name: ['subject', 'body'] });
  return <RenderedTemplate subject={subject ?? ''} body={body ?? ''} />;
};

/** A template's subject and body rendered with sample values, as the server renders mail. */
export const RenderedTemplate = ({ subject, body }: TemplateText) => {
  const { data, error, isFetching } = useTemplatePreview(subject, body);

  return (
    <Section title="Preview">
      <Typography variant="body2" color="text.secondary">
        Rendered with sample values, such as the application “ERP Sync”, as you type.
      </Typography>
      {/* Keeps its place when hidden, so the preview does not jump on every request. */}
      <LinearProgress aria-label="Updating the preview" sx={{ visibility: isFetching ? 'visible' : 'hidden' }} />
      {error ? (
        <Alert severity="error">
          <AlertTitle>The preview cannot be shown</AlertTitle>
          {problemsOf(error).map((problem) => (
            <div key={problem}>{problem}</div>
          ))}
        </Alert>
      ) : data ? (
        <>
          <Box>
            <Typography variant="caption" color="text.secondary" component="p">
              Subject
            </Typography>
            <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600 }}>
              {data.subject}
            </Typography>
          </Box>
          <EmailPreviewFrame html={data.html} title="Template preview" />
        </>
      ) : (
        <Skeleton variant="rounded" height={420} />
      )}
    </Section>
  );
};
