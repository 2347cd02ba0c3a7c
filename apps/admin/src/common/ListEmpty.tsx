import { Box, type SvgIconProps, Typography } from '@mui/material';
import type { ComponentType, ReactNode } from 'react';

interface ListEmptyProps {
  icon: ComponentType<SvgIconProps>;
  message: string;
  hint: string;
  /** An invite to create the first record, for those allowed to. */
  action?: ReactNode;
}

/** What a list shows before its resource has any record. */
export const ListEmpty = ({ icon: Icon, message, hint, action }: ListEmptyProps) => (
  <Box sx={{ m: 'auto', py: 10, textAlign: 'center', color: 'text.secondary' }}>
    <Icon sx={{ fontSize: 96, opacity: 0.5 }} />
    <Typography variant="h5" component="p" sx={{ mt: 1, color: 'text.primary' }}>
      {message}
    </Typography>
    <Typography variant="body2">{hint}</Typography>
    {action && <Box sx={{ mt: 2 }}>{action}</Box>}
  </Box>
);
