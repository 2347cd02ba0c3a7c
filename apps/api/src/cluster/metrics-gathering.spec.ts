import { Metrics, type MetricsSnapshot } from '@keyhouse/api-metrics';
import type { PrimaryMessage } from './messages';
import { MetricsGathering } from './metrics-gathering';

const sample = (text: string, series: string) => text.split('\n').find((line) => line.startsWith(`${series} `))?.split(' ')[1];
const SUCCESS = 'keyhouse_tokens_issued_total{grant="client_credentials",outcome="success"}';

/** A worker with its own metrics, answering the primary's requests when told to. */
function worker(id: number, tokens: number) {
  const metrics = new Metrics({});
  for (let i = 0; i < tokens; i++) metrics.tokenRequest('client_credentials', 'success', 0.002);
  const asked: number[] = [];
  return {
    id,
    asked,
    send: (message: PrimaryMessage) => asked.push(message.id),
    snapshot: (): Promise<MetricsSnapshot> => metrics.snapshot(),
  };
}

describe('MetricsGathering', () => {
  it("answers a scrape with the sum of every worker's metrics", async () => {
    const gathering = new MetricsGathering();
    const [one, two] = [worker(1, 3), worker(2, 4)];
    const text = gathering.gather([one, two]);
    gathering.received(2, { type: 'keyhouse:snapshot-answer', id: two.asked[0], snapshot: await two.snapshot() });
    gathering.received(1, { type: 'keyhouse:snapshot-answer', id: one.asked[0], snapshot: await one.snapshot() });
    const rendered = await text;
    expect(sample(rendered, SUCCESS)).toBe('7');
    expect(sample(rendered, 'keyhouse_token_request_duration_seconds_count{grant="client_credentials"}')).toBe('7');
    // Per process, aggregated as prom-client does: the version is not added up, a start time is left out.
    expect(rendered.match(/^nodejs_version_info\{.*\} (\d+)$/m)?.[1]).toBe('1');
    expect(rendered).not.toContain('process_start_time_seconds ');
  });

  it('counts each worker once, whatever it sends twice or late', async () => {
    const gathering = new MetricsGathering();
    const one = worker(1, 2);
    const text = gathering.gather([one, worker(2, 0)]);
    const answer = { type: 'keyhouse:snapshot-answer' as const, id: one.asked[0], snapshot: await one.snapshot() };
    gathering.received(1, answer);
    gathering.received(1, answer);
    gathering.received(2, { ...answer, snapshot: await worker(2, 0).snapshot() });
    gathering.received(2, answer);
    expect(sample(await text, SUCCESS)).toBe('2');
  });

  it('stops waiting for a worker that dies meanwhile: its counts went with it', async () => {
    const gathering = new MetricsGathering();
    const [one, two] = [worker(1, 3), worker(2, 4)];
    const text = gathering.gather([one, two]);
    gathering.received(1, { type: 'keyhouse:snapshot-answer', id: one.asked[0], snapshot: await one.snapshot() });
    gathering.forget(2);
    expect(sample(await text, SUCCESS)).toBe('3');
  });

  it('fails the scrape when a worker stays silent, rather than report part of the sum', async () => {
    const gathering = new MetricsGathering(20);
    const one = worker(1, 3);
    const text = gathering.gather([one, worker(2, 4)]);
    gathering.received(1, { type: 'keyhouse:snapshot-answer', id: one.asked[0], snapshot: await one.snapshot() });
    await expect(text).rejects.toThrow('1 worker(s) did not answer');
  });
});
