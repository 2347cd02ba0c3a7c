import { OutboxEmail } from '@keyhouse/api-notifications';
import { createClient, token, type Client } from './support/oauth';
import { startTestApp, type TestApp } from './support/test-app';

/** The value of one series in a Prometheus text exposition; undefined when it is absent. */
function sample(exposition: string, series: string): number | undefined {
  const line = exposition.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const scrape = async (t: TestApp, headers: Record<string, string> = {}) => {
  const response = await fetch(`${t.baseUrl}/metrics`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
};

describe('GET /metrics', () => {
  let t: TestApp;
  let client: Client;

  beforeAll(async () => {
    t = await startTestApp();
    client = await createClient(await t.signedIn(), { name: 'Metered', grants: ['client_credentials'], userId: 1 });
  });
  afterAll(() => t.close());

  it('is Prometheus text format 0.0.4, public, with the default process metrics', async () => {
    const { status, headers, text } = await scrape(t);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(text).toContain('# TYPE keyhouse_tokens_issued_total counter');
    expect(text).toContain('# TYPE keyhouse_token_request_duration_seconds histogram');
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
  });

  it('counts token requests by grant and outcome, and times them', async () => {
    const before = (await scrape(t)).text;
    const series = {
      success: 'keyhouse_tokens_issued_total{grant="client_credentials",outcome="success"}',
      invalidClient: 'keyhouse_tokens_issued_total{grant="client_credentials",outcome="invalid_client"}',
      unsupported: 'keyhouse_tokens_issued_total{grant="unknown",outcome="unsupported_grant_type"}',
      timed: 'keyhouse_token_request_duration_seconds_count{grant="client_credentials"}',
    };

    expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { client })).status).toBe(200);
    expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { client: { ...client, clientSecret: 'wrong' } })).status).toBe(401);
    expect((await token(t.baseUrl, { grant_type: 'urn:example:made-up' }, { client })).status).toBe(400);

    const after = (await scrape(t)).text;
    const grew = (name: keyof typeof series) => (sample(after, series[name]) ?? 0) - (sample(before, series[name]) ?? 0);
    expect(grew('success')).toBe(1);
    expect(grew('invalidClient')).toBe(1);
    expect(grew('unsupported')).toBe(1);
    expect(grew('timed')).toBe(2);
    expect(sample(after, 'keyhouse_token_request_duration_seconds_sum{grant="client_credentials"}')).toBeGreaterThan(0);
  });

  it('reports the outbox backlog by status, read when scraped', async () => {
    const before = (await scrape(t)).text;
    const mail = (status: OutboxEmail['status']) => ({ event: 'test', recipient: 'ops@example.com', subject: 's', html: 'h', status, nextAttemptAt: new Date() });
    await t.dataSource.getRepository(OutboxEmail).insert([mail('pending'), mail('pending'), mail('failed'), mail('sent')]);

    const after = (await scrape(t)).text;
    const grew = (status: string) => (sample(after, `keyhouse_outbox_backlog{status="${status}"}`) ?? NaN) - (sample(before, `keyhouse_outbox_backlog{status="${status}"}`) ?? NaN);
    expect(grew('pending')).toBe(2);
    expect(grew('failed')).toBe(1);
    expect(after).not.toContain('keyhouse_outbox_backlog{status="sent"}');
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  const METRICS_TOKEN = 'scrape-only-0123456789abcdef';

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN });
  });
  afterAll(() => t.close());

  it.each([
    ['no credentials', {}],
    ['a wrong token', { authorization: 'Bearer scrape-only-0123456789abcdeX' }],
    ['the token as Basic', { authorization: `Basic ${METRICS_TOKEN}` }],
  ])('refuses %s with 401 and WWW-Authenticate', async (_, headers) => {
    const { status, headers: answer, text } = await scrape(t, headers);
    expect(status).toBe(401);
    expect(answer.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(JSON.parse(text)).toEqual({ message: 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.' });
  });

  it('answers the scraper that sends it', async () => {
    const { status, text } = await scrape(t, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(status).toBe(200);
    expect(text).toContain('keyhouse_outbox_backlog{status="pending"}');
  });
});
