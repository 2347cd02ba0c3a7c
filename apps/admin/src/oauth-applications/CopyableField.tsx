import { InputAdornment, TextField } from '@mui/material';

import { CopyButton } from './CopyButton';

interface CopyableFieldProps {
  label: string;
  value: string;
  /** Told when the value was copied, by the button or from the selected text. */
  onCopied?(): void;
}

/**
 * A read-only value with a button that puts it on the clipboard. The value wraps, anywhere: on
 * a phone a one-line field would cut a secret off, and it is read (and checked) whole.
 */
export const CopyableField = ({ label, value, onCopied }: CopyableFieldProps) => (
  <TextField
    label={label}
    value={value}
    fullWidth
    multiline
    onFocus={(event) => event.target.select()}
    onCopy={onCopied}
    slotProps={{
      input: {
        readOnly: true,
        sx: { fontFamily: 'monospace', wordBreak: 'break-all' },
        endAdornment: (
          <InputAdornment position="end">
            <CopyButton label={label} value={value} onCopied={onCopied} edge="end" />
          </InputAdornment>
        ),
      },
    }}
  />
);
