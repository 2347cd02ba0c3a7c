/** Answers that carry a secret must never be stored by a browser or a proxy. */
export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
