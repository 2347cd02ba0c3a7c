/** Values the APIs under test are started with and the tests sign in with. */

export const HOST = '127.0.0.1';
export const PORT = 4310;
export const BASE_URL = `http://${HOST}:${PORT}`;

/** A second API started without signing keys (and forbidden to generate them). */
export const NO_KEYS_PORT = 4311;
export const NO_KEYS_BASE_URL = `http://${HOST}:${NO_KEYS_PORT}`;

export const ADMIN_USERNAME = 'admin';
/** Where the administrator's notification emails go. */
export const ADMIN_EMAIL = 'admin@example.com';
/** Fixed, so every run can sign in; only ever used against the throw-away e2e databases. */
export const ADMIN_PASSWORD = 'Kh-e2e!7rVqL2m#Zp9wX';
export const ADMIN_FULL_NAME = 'Keyhouse Administrator';
