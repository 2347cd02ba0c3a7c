import type { Theme } from '@mui/material/styles';
import type { DataTableBodyProps, RaThemeOptions } from 'react-admin';
import { defaultLightTheme } from 'react-admin';

// Its own module, not the common/ barrel: the theme is part of the sign-in page's download.
import { OpenableRow } from './common/OpenableRow';

const NAVY = '#1e3a5f';

/**
 * Where the keyboard is, plainly: a 3 px ring in the navy (about 11:1 against the page's
 * near-white, WCAG 2.2 asks 3:1) with a gap, so it also shows around the navy buttons.
 */
const FOCUS_RING = { outline: `3px solid ${NAVY}`, outlineOffset: '2px' };

// react-admin types this body's theme entry under another name than the one it reads (RaDataTableBody).
declare module '@mui/material/styles' {
  interface Components {
    RaDataTableBody?: { defaultProps?: Partial<DataTableBodyProps> };
  }
}

/** react-admin's light theme in Keyhouse's navy (the app bar uses `secondary`). */
export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: NAVY },
    secondary: { main: '#16304f' },
  },
  shape: { borderRadius: 8 },
  // Wide enough for "OAuth Applications" two menu levels deep.
  sidebar: { width: 264 },
  components: {
    ...defaultLightTheme.components,
    MuiCssBaseline: {
      styleOverrides: {
        ':focus-visible': FOCUS_RING,
        // A grid row's ring inside the row, where the table's edges would clip it (MUI's rows remove outlines).
        'tr:focus-visible': { ...FOCUS_RING, outlineOffset: '-3px' },
      },
    },
    // Buttons, menu items, checkboxes: MUI removes their outline and marks keyboard focus with a faint tint only.
    MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible': FOCUS_RING } } },
    // On the navy app bar the ring is white (about 13:1).
    MuiAppBar: { styleOverrides: { root: { '& .MuiButtonBase-root.Mui-focusVisible': { outlineColor: '#fff' } } } },
    // "Skip to content" shows over the app bar: a white ring, and navy text on its light face
    // (react-admin's is white on near-white).
    RaSkipNavigationButton: {
      styleOverrides: { root: { color: NAVY, '&.MuiButtonBase-root.Mui-focusVisible': { outlineColor: '#fff' } } },
    },
    // On a phone every dialog takes the screen's width but a margin: a confirmation or a secret
    // sized to its text would wrap it into a narrow column.
    MuiDialog: {
      styleOverrides: {
        paper: ({ theme }: { theme: Theme }) => ({
          [theme.breakpoints.down('sm')]: { margin: theme.spacing(2), width: `calc(100% - ${theme.spacing(4)})`, maxWidth: 'none' },
        }),
      },
    },
    // Every grid's rows open with the keyboard too.
    RaDataTableBody: { defaultProps: { row: OpenableRow } },
  },
};
