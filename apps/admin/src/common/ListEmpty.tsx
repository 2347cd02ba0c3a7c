import { Box, type SvgIconProps, Typography } from '@mui/material';
import type { ComponentType } from 'react';

interface ListEmptyProps {
  icon: ComponentType<SvgIconProps>;
  message: string;
  hint: string;
}

/** What a list shows before its resource has any record (read-only: no "Create" invite). */
export const ListEmpty = ({ icon: Icon, message, hint }: ListEmptyProps) => (
  <Box sx={{ m: 'auto', py: 10, textAlign: 'center', color: 'text.secondary' }}>
    <Icon sx={{ fontSize: 96, opacity: 0.5 }} />
    <Typography variant="h5" component="p" sx={{ mt: 1, color: 'text.primary' }}>
      {message}
    </Typography>
    <Typography variant="body2">{hint}</Typography>
  </Box>
);
