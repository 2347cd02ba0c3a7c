import { Breadcrumbs as MuiBreadcrumbs, Typography } from '@mui/material';
import { Link } from 'react-admin';

import type { Crumb } from './usePageTrail';

/** Oro's trail above the page title; the last step is the page itself. */
export const Breadcrumbs = ({ crumbs }: { crumbs: Crumb[] }) => (
  <MuiBreadcrumbs aria-label="Breadcrumb" sx={{ typography: 'body2' }}>
    {crumbs.map((crumb, index) =>
      index === crumbs.length - 1 ? (
        <Typography key={index} variant="body2" color="text.primary" aria-current="page">
          {crumb.label}
        </Typography>
      ) : crumb.to ? (
        <Link key={index} to={crumb.to} underline="hover" color="inherit">
          {crumb.label}
        </Link>
      ) : (
        <Typography key={index} variant="body2" color="text.secondary">
          {crumb.label}
        </Typography>
      ),
    )}
  </MuiBreadcrumbs>
);
