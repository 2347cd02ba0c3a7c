// Apart from the hooks that use them: the app bar and the dashboard name these resources, and
// importing them must not bring the hooks (and their dialogs) into the sign-in page's download.
export const APPLICATIONS = 'oauth-applications';
/** The applications acting as the signed-in user, under the user menu: the same records, by another way. */
export const MY_APPLICATIONS = 'my-oauth-applications';
