import { HttpException } from '@nestjs/common';
import { Metrics } from '@keyhouse/api-metrics';
import type { WorkerMessage } from './messages';
import { WorkerChannel } from './worker-channel';

describe('WorkerChannel', () => {
  let sent: WorkerMessage[];
  let channelError: Error | null;
  let channel: WorkerChannel;

  beforeEach(() => {
    sent = [];
    channelError = null;
    channel = new WorkerChannel((message, done) => {
      sent.push(message);
      done(channelError);
    });
  });

  const lastScrape = () => sent.find((message) => message.type === 'keyhouse:scrape') as { id: number };

  it("answers a scrape with the text the primary gathered from every worker", async () => {
    const text = channel.scrapeMetrics();
    channel.received({ type: 'keyhouse:scrape-answer', id: lastScrape().id, text: 'summed' });
    await expect(text).resolves.toBe('summed');
  });

  it('answers 503 when the primary could not gather every worker, or is gone', async () => {
    const incomplete = channel.scrapeMetrics();
    channel.received({ type: 'keyhouse:scrape-answer', id: lastScrape().id, error: '1 worker(s) did not answer' });
    const refused = await incomplete.catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpException);
    expect((refused as HttpException).getStatus()).toBe(503);
    expect((refused as HttpException).message).toContain('1 worker(s) did not answer');

    channelError = new Error('channel closed');
    const orphaned = await channel.scrapeMetrics().catch((error: unknown) => error);
    expect((orphaned as HttpException).getStatus()).toBe(503);
  });

  it("sends this worker's metrics when the primary asks, and ignores messages that are not Keyhouse's", async () => {
    const metrics = new Metrics({});
    metrics.tokenRequest('client_credentials', 'success', 0.001);
    channel.serveMetrics(metrics);
    channel.received({ cmd: 'NODE_CLUSTER' });
    channel.received('hello');
    channel.received({ type: 'keyhouse:snapshot', id: 9 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'keyhouse:snapshot-answer', id: 9, snapshot: { tokenRequests: { issued: [{ grant: 'client_credentials', outcome: 'success', count: 1 }] } } });
  });
});
