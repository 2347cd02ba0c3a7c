/**
 * What the token endpoint reports about each request, for whoever counts them (the application
 * binds Prometheus metrics to it). Called on the hot path: an implementation must only update
 * memory, never do I/O.
 */
export interface TokenRequestObserver {
  /**
   * `grant`: a grant type this server knows, or `unknown`; `outcome`: `success` or the RFC 6749
   * 5.2 error code answered.
   */
  tokenRequest(grant: string, outcome: string, seconds: number): void;
}

export const TOKEN_REQUEST_OBSERVER = Symbol('TOKEN_REQUEST_OBSERVER');
