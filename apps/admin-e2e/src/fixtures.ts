/** Values the API under test is started with and the tests sign in with. */

export const HOST = '127.0.0.1';
export const PORT = 4310;
export const BASE_URL = `http://${HOST}:${PORT}`;

export const ADMIN_USERNAME = 'admin';
/** Fixed, so every run can sign in; only ever used against the throw-away e2e database. */
export const ADMIN_PASSWORD = 'Kh-e2e!7rVqL2m#Zp9wX';
