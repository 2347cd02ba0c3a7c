import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import PasswordIcon from '@mui/icons-material/Password';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import { Button, IconButton, InputAdornment, Stack, TextField, Tooltip } from '@mui/material';
import { useState } from 'react';
import { FieldTitle, InputHelperText, maxLength, minLength, required, useInput, useNotify } from 'react-admin';

import { generatePassword } from './generatePassword';

// The API's bounds for every password it stores.
const MIN_LENGTH = 12;
const MAX_LENGTH = 1024;
const validatePassword = [required(), minLength(MIN_LENGTH), maxLength(MAX_LENGTH)];

const HELP = `${MIN_LENGTH} to ${MAX_LENGTH} characters, or generate one.`;
const GENERATED_HELP =
  'Generated. Copy it now and hand it over safely: it is shown only now, and nobody can read it back after saving.';

/**
 * The first password of a new account: typed, or generated in the browser. A generated one
 * is never sent anywhere but in the create request, so this form is the only place to copy it.
 */
export const NewPasswordInput = ({ source = 'password' }: { source?: string }) => {
  const notify = useNotify();
  const {
    field,
    fieldState: { error, invalid },
    id,
    isRequired,
  } = useInput({ source, validate: validatePassword });
  const [revealed, setRevealed] = useState(false);
  const [generated, setGenerated] = useState<string | null>(null);
  const value = typeof field.value === 'string' ? field.value : '';
  const showsGenerated = generated !== null && value === generated;
  const revealLabel = revealed ? 'Hide password' : 'Show password';

  const generate = () => {
    const password = generatePassword();
    setGenerated(password);
    field.onChange(password);
  };

  const copy = () =>
    navigator.clipboard.writeText(value).then(
      () => notify('Password copied', { type: 'info' }),
      () => notify('The clipboard is not available: reveal the password, select it and copy it.', { type: 'warning' }),
    );

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', width: '100%' }}>
      <TextField
        {...field}
        value={value}
        id={id}
        type={revealed ? 'text' : 'password'}
        autoComplete="new-password"
        label={<FieldTitle label="Password" source={source} isRequired={isRequired} />}
        error={invalid}
        helperText={<InputHelperText error={error?.message} helperText={showsGenerated ? GENERATED_HELP : HELP} />}
        fullWidth
        slotProps={{
          input: {
            sx: { fontFamily: revealed ? 'monospace' : undefined },
            endAdornment: (
              <InputAdornment position="end">
                <Tooltip title={revealLabel}>
                  <IconButton aria-label={revealLabel} onClick={() => setRevealed((shown) => !shown)}>
                    {revealed ? <VisibilityOff fontSize="small" /> : <Visibility fontSize="small" />}
                  </IconButton>
                </Tooltip>
                <Tooltip title="Copy password">
                  {/* The span keeps the tooltip working while the button is disabled. */}
                  <span>
                    <IconButton aria-label="Copy password" onClick={copy} disabled={value === ''} edge="end">
                      <ContentCopyIcon fontSize="small" />
                    </IconButton>
                  </span>
                </Tooltip>
              </InputAdornment>
            ),
          },
        }}
      />
      {/* As tall as the small filled input beside it, and level with it. */}
      <Button variant="outlined" startIcon={<PasswordIcon />} onClick={generate} sx={{ mt: 1, flexShrink: 0, minHeight: 48 }}>
        Generate
      </Button>
    </Stack>
  );
};
