import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { IconButton, type IconButtonProps, Tooltip } from '@mui/material';
import { useNotify } from 'react-admin';

interface CopyButtonProps {
  /** What is copied, as the button's name says it: "Copy <label>". */
  label: string;
  value: string;
  onCopied?(): void;
  edge?: IconButtonProps['edge'];
}

/** Puts a value on the clipboard, or says to copy it by hand where the browser refuses. */
export const CopyButton = ({ label, value, onCopied, edge }: CopyButtonProps) => {
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
    <Tooltip title={copyLabel}>
      <IconButton aria-label={copyLabel} onClick={copy} edge={edge}>
        <ContentCopyIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
};
