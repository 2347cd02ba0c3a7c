import { renderSnapshots, type MetricsSnapshot } from '@keyhouse/api-metrics';
import type { PrimaryMessage, SnapshotAnswer } from './messages';

/** A worker as the gathering sees it: node:cluster's Worker is one. */
export interface SnapshotSource {
  id: number;
  send(message: PrimaryMessage): unknown;
}

interface Gathering {
  waitingFor: Set<number>;
  snapshots: MetricsSnapshot[];
  done: (error: Error | undefined) => void;
}

/** A worker answers in milliseconds; one that does not is stuck, and the scrape fails rather than report part of the sum. */
const GATHER_TIMEOUT_MS = 3_000;

/**
 * The primary's side of a scrape: whichever worker got the request, the answer is the sum over
 * every serving worker, each asked for its snapshot at that moment (prom-client's way for
 * node:cluster). A worker that dies meanwhile is left out: its counts went with it, as they
 * would from every later scrape.
 */
export class MetricsGathering {
  private nextId = 1;
  private readonly gatherings = new Map<number, Gathering>();

  constructor(private readonly timeoutMs = GATHER_TIMEOUT_MS) {}

  gather(workers: SnapshotSource[]): Promise<string> {
    const id = this.nextId++;
    return new Promise<MetricsSnapshot[]>((resolve, reject) => {
      const timer = setTimeout(() => gathering.done(new Error(`${gathering.waitingFor.size} worker(s) did not answer`)), this.timeoutMs);
      const gathering: Gathering = {
        waitingFor: new Set(workers.map((worker) => worker.id)),
        snapshots: [],
        done: (error) => {
          clearTimeout(timer);
          this.gatherings.delete(id);
          if (error) reject(error);
          else resolve(gathering.snapshots);
        },
      };
      this.gatherings.set(id, gathering);
      for (const worker of workers) worker.send({ type: 'keyhouse:snapshot', id });
      this.settleIfComplete(gathering);
    }).then(renderSnapshots);
  }

  received(workerId: number, { id, snapshot }: SnapshotAnswer): void {
    const gathering = this.gatherings.get(id);
    if (!gathering?.waitingFor.delete(workerId)) return;
    gathering.snapshots.push(snapshot);
    this.settleIfComplete(gathering);
  }

  /** A worker is gone: no gathering waits for it any longer. */
  forget(workerId: number): void {
    for (const gathering of this.gatherings.values()) {
      if (gathering.waitingFor.delete(workerId)) this.settleIfComplete(gathering);
    }
  }

  private settleIfComplete(gathering: Gathering): void {
    if (!gathering.waitingFor.size) gathering.done(undefined);
  }
}
