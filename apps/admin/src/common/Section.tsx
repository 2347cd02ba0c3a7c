import { Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * A titled group of fields on a show or edit page, named for assistive technology by its title. Its
 * heading looks like every other second-level heading (secrets, usage, security...) on the page.
 */
export const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Stack component="section" aria-label={title} spacing={1.5}>
    <Typography variant="h6" component="h2">
      {title}
    </Typography>
    {children}
  </Stack>
);
