import { Box } from '@mui/material';
import { TitlePortal } from 'react-admin';

import { Breadcrumbs } from './Breadcrumbs';
import { useDocumentTitle } from './useDocumentTitle';
import { usePageTrail } from './usePageTrail';

/**
 * Above every page, as in Oro: the breadcrumbs, then the page's title as its one level-one
 * heading (react-admin's views render their title into this portal). It also names the tab.
 */
export const PageHeader = () => {
  const { crumbs, title } = usePageTrail();
  useDocumentTitle(title);

  return (
    <Box component="header" sx={{ pt: 2, px: 1 }}>
      {crumbs.length > 0 && <Breadcrumbs crumbs={crumbs} />}
      {/* A long name wraps: react-admin's portal is made for one line of the app bar. */}
      <TitlePortal component="h1" variant="h5" sx={{ mt: 0.5, fontWeight: 500, whiteSpace: 'normal', overflowWrap: 'anywhere' }} />
    </Box>
  );
};
