import { UsageEvents } from '@keyhouse/api-oauth';
import { USAGE_EVENT_KINDS, type UsageEventKind, type UsageMessage, type WorkerMessage } from './messages';

export type SendToPrimary = (message: WorkerMessage, sent: (error: Error | null) => void) => void;

/**
 * A worker's usage events, handed to the primary, which alone batches them into the database
 * (a UsageRecorder for every worker): a worker keeps nothing that a kill could lose.
 *
 * The protocol endpoints record usage, and their server writes each answer only once its events
 * are handed over (ProtocolServer's `beforeAnswer`, which is `answerAfterHandOver`). Node writes
 * a message to the channel's socket at once when the channel is not backed up, and the socket's
 * buffer outlives the worker: a worker killed with SIGKILL has handed over everything it
 * answered for (and perhaps a few answers the kill kept it from writing: a token signed and
 * counted that its client never received), and the primary reads the channel to its end before
 * its last flush. (The one gap
 * left is a channel so backed up that Node queues the message in the worker; the primary only
 * adds numbers, so it keeps up.)
 *
 * The answers of one event loop turn wait for its end and share one message: a message per
 * answer cost the primary and the worker about a sixth of a token's CPU under load. An event
 * recorded anywhere else leaves at the end of its turn too.
 */
export class UsageRelay implements UsageEvents {
  private events: UsageMessage['events'] = [];
  private waitingAnswers: Array<() => void> = [];

  constructor(private readonly send: SendToPrimary) {}

  applicationUsed(applicationId: number): void {
    this.add('applicationUsed', applicationId);
  }

  authenticationFailed(applicationId: number): void {
    this.add('authenticationFailed', applicationId);
  }

  secretUsed(id: number | undefined): void {
    if (id !== undefined) this.add('secretUsed', id);
  }

  /** Writes an answer at once when nothing is pending, else once the pending events are sent. */
  answerAfterHandOver(write: () => void): void {
    if (this.events.length) this.waitingAnswers.push(write);
    else write();
  }

  /** Sends what is pending, now, then writes the answers that waited for it. */
  handOver(): void {
    if (this.events.length) this.sendPending(() => undefined);
    this.writeWaitingAnswers();
  }

  /** Sends what is pending; resolves once the channel has taken every message sent so far. */
  flush(): Promise<void> {
    const flushed = new Promise<void>((resolve) => this.sendPending(() => resolve()));
    this.writeWaitingAnswers();
    return flushed;
  }

  private add(kind: UsageEventKind, id: number): void {
    if (!this.events.length) setImmediate(() => this.handOver());
    this.events.push([kind, id]);
  }

  private writeWaitingAnswers(): void {
    const answers = this.waitingAnswers;
    this.waitingAnswers = [];
    for (const write of answers) write();
  }

  private sendPending(sent: () => void): void {
    const events = this.events;
    this.events = [];
    // An error means the primary is gone, and node:cluster ends a worker whose primary is gone.
    this.send({ type: 'keyhouse:usage', events }, () => sent());
  }
}

/** The primary's side: a worker's events, into the recorder that batches every worker's. */
export function recordUsage(recorder: UsageEvents, { events }: UsageMessage): void {
  for (const [kind, id] of events) {
    if (USAGE_EVENT_KINDS.includes(kind) && Number.isSafeInteger(id)) recorder[kind](id);
  }
}
