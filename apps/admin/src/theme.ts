import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's light theme in Keyhouse's navy (the app bar uses `secondary`). */
export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#1e3a5f' },
    secondary: { main: '#16304f' },
  },
  shape: { borderRadius: 8 },
  // Wide enough for "OAuth Applications" two menu levels deep.
  sidebar: { width: 264 },
};
