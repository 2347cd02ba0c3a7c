import { styled } from '@mui/material';

const Frame = styled('iframe')(({ theme }) => ({
  display: 'block',
  width: '100%',
  height: 420,
  border: `1px solid ${theme.palette.divider}`,
  borderRadius: theme.shape.borderRadius,
  // Mail clients show email on white whatever the console's theme.
  backgroundColor: '#fff',
}));

interface EmailPreviewFrameProps {
  html: string;
  /** The frame's accessible name. */
  title: string;
}

/**
 * Email HTML as a mail client would show it. The HTML comes from templates that
 * administrators edit, so it runs in an empty sandbox: no script, and an opaque
 * origin that cannot reach the console's cookies or API.
 */
export const EmailPreviewFrame = ({ html, title }: EmailPreviewFrameProps) => <Frame sandbox="" srcDoc={html} title={title} />;
