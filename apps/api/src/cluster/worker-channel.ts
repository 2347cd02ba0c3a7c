import { Logger, ServiceUnavailableException } from '@nestjs/common';
import type { Metrics } from '@keyhouse/api-metrics';
import { isFromPrimary, type ScrapeAnswer } from './messages';
import { UsageRelay, type SendToPrimary } from './usage-relay';

/** Longer than the primary gives its workers (see MetricsGathering): the primary's own answer says what went wrong. */
const SCRAPE_TIMEOUT_MS = 5_000;

/**
 * What a node:cluster worker does through its primary instead of alone: usage events go to the
 * primary's batches, a scrape of /metrics is answered with every worker's sum, and the primary
 * asks this worker for its own metrics when any worker is scraped.
 */
export class WorkerChannel {
  readonly usage: UsageRelay;
  private readonly logger = new Logger('Cluster');
  private metrics?: Metrics;
  private nextScrape = 1;
  private readonly scrapes = new Map<number, (answer: ScrapeAnswer) => void>();

  constructor(private readonly send: SendToPrimary) {
    this.usage = new UsageRelay(send);
  }

  /** From now on the primary's requests for this worker's metrics are answered from `metrics`. */
  serveMetrics(metrics: Metrics): void {
    this.metrics = metrics;
  }

  /** A message from the primary; anything not ours is left to whoever it is for. */
  received(message: unknown): void {
    if (!isFromPrimary(message)) return;
    if (message.type === 'keyhouse:scrape-answer') this.scrapes.get(message.id)?.(message);
    if (message.type === 'keyhouse:snapshot' && this.metrics) {
      const { id } = message;
      // Unanswered, the primary's gathering times out and the scrape says so.
      this.metrics.snapshot().then(
        (snapshot) => this.send({ type: 'keyhouse:snapshot-answer', id, snapshot }, () => undefined),
        (error: unknown) => this.logger.warn(`could not read this worker's metrics: ${(error as Error).message}`),
      );
    }
  }

  /** The text of a scrape of the whole server; a 503 when the primary cannot gather it. */
  scrapeMetrics(): Promise<string> {
    const id = this.nextScrape++;
    return new Promise<string>((resolve, reject) => {
      const unavailable = (why: string) => new ServiceUnavailableException({ message: `The metrics could not be gathered from every worker: ${why}.` });
      const timer = setTimeout(() => settle({ type: 'keyhouse:scrape-answer', id, error: 'the primary did not answer' }), SCRAPE_TIMEOUT_MS);
      const settle = ({ text, error }: ScrapeAnswer) => {
        clearTimeout(timer);
        this.scrapes.delete(id);
        if (text !== undefined) resolve(text);
        else reject(unavailable(error ?? 'no answer'));
      };
      this.scrapes.set(id, settle);
      this.send({ type: 'keyhouse:scrape', id }, (error) => {
        if (error) settle({ type: 'keyhouse:scrape-answer', id, error: 'the primary is gone' });
      });
    });
  }
}
