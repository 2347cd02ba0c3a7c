import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's light theme in Keyhouse's navy, matching the favicon. */
export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#1e3a5f' },
    secondary: { main: '#2a6f97' },
  },
  shape: { borderRadius: 8 },
};
