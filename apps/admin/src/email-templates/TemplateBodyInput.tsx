import { TEMPLATE_VARIABLES, type TemplateVariable } from '@keyhouse/shared-contracts';
import { Chip, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useCallback, useRef } from 'react';
import { FieldTitle, InputHelperText, required, useInput } from 'react-admin';

/** What each variable holds, shown on its chip. Keyed by the contract's list, so a new variable must be described. */
const VARIABLE_HINTS: Record<TemplateVariable, string> = {
  applicationName: "The application's name",
  clientId: 'Its client ID (never the secret)',
  organizationName: 'Its organization',
  ownerName: 'The user it acts as',
  grants: 'Its grant types, e.g. Client Credentials',
  applicationUrl: 'Its page in this console',
  time: 'When it happened (UTC)',
  secretExpiresAt: 'Secret emails: when that secret stops working (UTC), or "never"',
  previousSecretsExpireAt: 'New secret: when the secrets it replaces stop working (UTC)',
  lastUsedAt: 'Dormancy warning: when it last got a token (UTC), or "never"',
  deactivatesAt: 'Dormancy warning: when it will be deactivated unless used (UTC)',
};

const placeholderOf = (variable: TemplateVariable) => `{{ ${variable} }}`;

/**
 * The template's HTML body, with the available variables as chips that insert
 * their placeholder at the cursor. A TextInput cannot be used: it keeps the
 * textarea's ref for react-hook-form, and inserting needs the cursor position.
 */
export const TemplateBodyInput = () => {
  const { field, fieldState, id, isRequired } = useInput({ source: 'body', validate: required() });
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const { ref: formRef } = field;
  const attach = useCallback(
    (element: HTMLTextAreaElement | null) => {
      textarea.current = element;
      formRef(element);
    },
    [formRef],
  );

  const insert = (variable: TemplateVariable) => {
    const value = String(field.value ?? '');
    const placeholder = placeholderOf(variable);
    const start = textarea.current?.selectionStart ?? value.length;
    const end = textarea.current?.selectionEnd ?? value.length;
    field.onChange(value.slice(0, start) + placeholder + value.slice(end));
    // After React has put the new value in the textarea: back to typing, just after the placeholder.
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(start + placeholder.length, start + placeholder.length);
    });
  };

  return (
    <Stack spacing={1}>
      <TextField
        id={id}
        name={field.name}
        value={field.value ?? ''}
        onChange={field.onChange}
        onBlur={field.onBlur}
        inputRef={attach}
        label={<FieldTitle label="Body" source="body" isRequired={isRequired} />}
        multiline
        minRows={14}
        fullWidth
        error={fieldState.invalid}
        helperText={
          <InputHelperText
            error={fieldState.error?.message}
            helperText="HTML. Values put in placeholders are escaped; the client secret is never available."
          />
        }
        slotProps={{ htmlInput: { spellCheck: false, sx: { fontFamily: 'monospace', fontSize: 13 } } }}
      />
      <Typography variant="body2" color="text.secondary" component="p" id={`${id}-variables`}>
        Variables (select one to insert it at the cursor):
      </Typography>
      <Stack direction="row" role="group" aria-labelledby={`${id}-variables`} sx={{ gap: 0.75, flexWrap: 'wrap' }}>
        {TEMPLATE_VARIABLES.map((variable) => (
          // describeChild: the chip keeps its placeholder as its name, the hint becomes its description.
          <Tooltip key={variable} title={VARIABLE_HINTS[variable]} describeChild>
            <Chip
              size="small"
              variant="outlined"
              label={placeholderOf(variable)}
              onClick={() => insert(variable)}
              sx={{ fontFamily: 'monospace' }}
            />
          </Tooltip>
        ))}
      </Stack>
    </Stack>
  );
};
