import { Box, List, ListItem, ListItemButton, type Theme, useMediaQuery } from '@mui/material';
import type { ReactNode } from 'react';
import {
  type Identifier,
  Link,
  ListNoResults,
  type RaRecord,
  RecordContextProvider,
  SimpleListLoading,
  useExpanded,
  useGetPathForRecord,
  useListContext,
  useResourceContext,
} from 'react-admin';

/**
 * Below MUI's `sm` breakpoint (600 px): phones, where a grid's columns would widen the page.
 * Read at the first render (`noSsr`), so that a phone never lays the grid out first.
 */
export const useIsPhone = (): boolean => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });

interface PhoneListProps {
  /** The row's title, rendered in the record's context (fields such as <TextField> work). */
  primary: ReactNode;
  /** What else the row shows, below its title, in the record's context. */
  secondary?: ReactNode;
  /** Where a tap on the row leads, as a grid's rowClick; none: the row only shows. */
  rowClick?: 'show' | 'edit' | false;
  /** The row's actions, beside it and outside its link (a button inside a link would follow the link as well). */
  actions?: ReactNode;
  /** Shown under a row, as a grid's expand panel, while the row's `useExpanded` state is open. */
  expand?: ReactNode;
  /** What an empty page of results says (react-admin's "No results found" otherwise). */
  empty?: ReactNode;
}

const PhoneRow = ({ id, primary, secondary, rowClick = false, actions, expand }: PhoneListProps & { id: Identifier }) => {
  const resource = useResourceContext() ?? '';
  const path = useGetPathForRecord({ link: rowClick, resource });
  const [expanded] = useExpanded(resource, id);
  const text = (
    <Box sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>
      <Box sx={{ typography: 'body1', fontWeight: 500 }}>{primary}</Box>
      {secondary && (
        <Box sx={{ typography: 'body2', color: 'text.secondary', display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1.5, rowGap: 0.5, mt: 0.5 }}>
          {secondary}
        </Box>
      )}
    </Box>
  );

  return (
    <>
      <ListItem disablePadding divider={!expanded} sx={{ alignItems: 'center' }}>
        {path ? (
          <ListItemButton component={Link} to={path} sx={{ flex: 1, minWidth: 0 }}>
            {text}
          </ListItemButton>
        ) : (
          <Box sx={{ flex: 1, minWidth: 0, px: 2, py: 1 }}>{text}</Box>
        )}
        {actions && <Box sx={{ flexShrink: 0, pr: 1 }}>{actions}</Box>}
      </ListItem>
      {expand && expanded && (
        // The id a toggle names in its aria-controls, as react-admin's grid names its expand row.
        <Box id={`${resource}-${id}-expand`} component="li" sx={{ listStyle: 'none', borderBottom: 1, borderColor: 'divider', overflowX: 'auto' }}>
          {expand}
        </Box>
      )}
    </>
  );
};

/**
 * A list's records as rows of text for phones, where its grid would not fit: each row its
 * title, a line of details, and its actions at hand. Lives in a react-admin <List>, whose
 * pagination and filters it leaves in place.
 */
export const PhoneList = ({ empty, ...row }: PhoneListProps) => {
  const { data, isPending } = useListContext();
  if (isPending) return <SimpleListLoading hasSecondaryText />;
  if (!data?.length) return empty ?? <ListNoResults />;
  return (
    <List disablePadding>
      {data.map((record: RaRecord) => (
        <RecordContextProvider key={record.id} value={record}>
          <PhoneRow id={record.id} {...row} />
        </RecordContextProvider>
      ))}
    </List>
  );
};
