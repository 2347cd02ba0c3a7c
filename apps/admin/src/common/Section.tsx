import { Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled group of fields on a show or edit page, named for assistive technology by its title. */
export const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Stack component="section" aria-label={title} spacing={1.5}>
    <Typography variant="overline" component="h2" color="text.secondary">
      {title}
    </Typography>
    {children}
  </Stack>
);
