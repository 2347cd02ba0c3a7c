import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { IconButton, InputAdornment, TextField, Tooltip } from '@mui/material';
import { useNotify } from 'react-admin';

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
export const CopyableField = ({ label, value, onCopied }: CopyableFieldProps) => {
  const notify = useNotify();
  const copyLabel = `Copy ${label}`;

  const copy = () =>
    navigator.clipboard.writeText(value).then(
      () => {
        notify('Copied', { type: 'info' });
        onCopied?.();
      },
      () => notify('The clipboard is not available: select the text and copy it.', { type: 'warning' }),
    );

  return (
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
              <Tooltip title={copyLabel}>
                <IconButton aria-label={copyLabel} onClick={copy} edge="end">
                  <ContentCopyIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </InputAdornment>
          ),
        },
      }}
    />
  );
};
