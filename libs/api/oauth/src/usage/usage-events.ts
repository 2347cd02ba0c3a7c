/**
 * What the protocol reports about an application's use, on the token path: an implementation
 * only updates memory or hands the event on, never waits for I/O. In one process the
 * UsageRecorder batches the events into the database; a node:cluster worker hands them to the
 * primary, which owns the batches for every worker.
 */
export abstract class UsageEvents {
  /** The application got a token: it is in use, and today's count grows. */
  abstract applicationUsed(applicationId: number): void;

  /** Someone presented the application's client ID and was refused: `invalid_client`, or 429 from a throttled address. */
  abstract authenticationFailed(applicationId: number): void;

  /** A client secret proved its application (none for a client that authenticates otherwise). */
  abstract secretUsed(id: number | undefined): void;
}
