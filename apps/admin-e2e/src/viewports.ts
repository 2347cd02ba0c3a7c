/** The sizes the console is tried at, as the issue's review did: a laptop, and a phone (an iPhone 14's CSS pixels). */
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Below MUI's `sm` breakpoint the console lays itself out for a phone: menu in a drawer, lists as rows of text. */
export const isPhone = (viewport: { width: number } | null): boolean => (viewport?.width ?? DESKTOP.width) < 600;
