import type { MetricsSnapshot } from '@keyhouse/api-metrics';

/** The IPC messages between the primary and its workers (node:cluster, JSON over the channel). */

export const USAGE_EVENT_KINDS = ['applicationUsed', 'authenticationFailed', 'secretUsed'] as const;
export type UsageEventKind = (typeof USAGE_EVENT_KINDS)[number];

/** Worker to primary: usage events, in the order they happened. */
export interface UsageMessage {
  type: 'keyhouse:usage';
  events: Array<[UsageEventKind, number]>;
}

/** Worker to primary: a scrape arrived; answer it with every worker's metrics. */
export interface ScrapeRequest {
  type: 'keyhouse:scrape';
  id: number;
}

/** Primary to worker: the text for that scrape, or why there is none. */
export interface ScrapeAnswer {
  type: 'keyhouse:scrape-answer';
  id: number;
  text?: string;
  error?: string;
}

/** Primary to worker: send your metrics for a scrape. */
export interface SnapshotRequest {
  type: 'keyhouse:snapshot';
  id: number;
}

/** Worker to primary: its metrics. */
export interface SnapshotAnswer {
  type: 'keyhouse:snapshot-answer';
  id: number;
  snapshot: MetricsSnapshot;
}

export type WorkerMessage = UsageMessage | ScrapeRequest | SnapshotAnswer;
export type PrimaryMessage = ScrapeAnswer | SnapshotRequest;

// Whether an IPC message is one of ours: node:cluster and libraries may send their own on the same channel.
const isOurs = (message: unknown): boolean =>
  typeof message === 'object' && message !== null && String((message as { type?: unknown }).type).startsWith('keyhouse:');

export const isFromWorker = (message: unknown): message is WorkerMessage => isOurs(message);
export const isFromPrimary = (message: unknown): message is PrimaryMessage => isOurs(message);
