import { Logger } from '@nestjs/common';
import { Metrics } from './metrics';
import { bearerMatches } from './metrics.controller';
import { renderSnapshots } from './metrics-snapshot';

const sample = (text: string, series: string) => text.split('\n').find((line) => line.startsWith(`${series} `))?.split(' ')[1];

describe('Metrics', () => {
  it('counts token requests by grant and outcome, and times them by grant', async () => {
    const metrics = new Metrics({});
    metrics.tokenRequest('client_credentials', 'success', 0.004);
    metrics.tokenRequest('client_credentials', 'success', 0.02);
    metrics.tokenRequest('client_credentials', 'invalid_client', 0.003);
    metrics.tokenRequest('unknown', 'unsupported_grant_type', 0.0005);
    const text = await metrics.render();

    expect(sample(text, 'keyhouse_tokens_issued_total{grant="client_credentials",outcome="success"}')).toBe('2');
    expect(sample(text, 'keyhouse_tokens_issued_total{grant="client_credentials",outcome="invalid_client"}')).toBe('1');
    expect(sample(text, 'keyhouse_tokens_issued_total{grant="unknown",outcome="unsupported_grant_type"}')).toBe('1');
    expect(sample(text, 'keyhouse_token_request_duration_seconds_count{grant="client_credentials"}')).toBe('3');
    expect(sample(text, 'keyhouse_token_request_duration_seconds_bucket{le="0.005",grant="client_credentials"}')).toBe('2');
    expect(text).toContain('process_cpu_seconds_total');
    expect(metrics.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
  });

  it('keeps each instance apart: two registries never share a count', async () => {
    const [one, other] = [new Metrics({}), new Metrics({})];
    one.tokenRequest('password', 'success', 0.07);
    expect(sample(await other.render(), 'keyhouse_tokens_issued_total{grant="password",outcome="success"}')).toBeUndefined();
  });

  it('reads the outbox backlog at scrape time', async () => {
    let backlog = { pending: 3, failed: 1 };
    const metrics = new Metrics({ outboxBacklog: async () => backlog });
    expect(sample(await metrics.render(), 'keyhouse_outbox_backlog{status="pending"}')).toBe('3');
    backlog = { pending: 0, failed: 2 };
    const text = await metrics.render();
    expect(sample(text, 'keyhouse_outbox_backlog{status="pending"}')).toBe('0');
    expect(sample(text, 'keyhouse_outbox_backlog{status="failed"}')).toBe('2');
  });

  it('still answers the scrape when the backlog cannot be read, and says why in one line', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const metrics = new Metrics({ outboxBacklog: () => Promise.reject(new Error('database unreachable')) });
    const text = await metrics.render();
    expect(text).toContain('# TYPE keyhouse_outbox_backlog gauge');
    expect(text).not.toContain('keyhouse_outbox_backlog{');
    expect(warn).toHaveBeenCalledWith('could not read the outbox backlog: database unreachable');
    warn.mockRestore();
  });
});

describe('renderSnapshots', () => {
  it("adds up node:cluster workers' token requests, and counts the outbox they all read once", async () => {
    const backlog = async () => ({ pending: 3, failed: 1 });
    const [one, other] = [new Metrics({ outboxBacklog: backlog }), new Metrics({ outboxBacklog: backlog })];
    one.tokenRequest('client_credentials', 'success', 0.004);
    other.tokenRequest('client_credentials', 'success', 0.004);
    other.tokenRequest('client_credentials', 'invalid_client', 0.003);
    const text = await renderSnapshots([await one.snapshot(), await other.snapshot()]);
    expect(sample(text, 'keyhouse_tokens_issued_total{grant="client_credentials",outcome="success"}')).toBe('2');
    expect(sample(text, 'keyhouse_tokens_issued_total{grant="client_credentials",outcome="invalid_client"}')).toBe('1');
    expect(sample(text, 'keyhouse_outbox_backlog{status="pending"}')).toBe('3');
    expect(sample(text, 'keyhouse_outbox_backlog{status="failed"}')).toBe('1');
    expect(text).toContain('process_cpu_seconds_total');
  });
});

describe('bearerMatches', () => {
  it('accepts exactly the configured token', () => {
    expect(bearerMatches('Bearer s3cret-scrape-token-1', 's3cret-scrape-token-1')).toBe(true);
    expect(bearerMatches('bearer s3cret-scrape-token-1', 's3cret-scrape-token-1')).toBe(true);
    expect(bearerMatches('Bearer s3cret-scrape-token-2', 's3cret-scrape-token-1')).toBe(false);
    expect(bearerMatches('Bearer s3cret-scrape-token-1x', 's3cret-scrape-token-1')).toBe(false);
    expect(bearerMatches('Basic s3cret-scrape-token-1', 's3cret-scrape-token-1')).toBe(false);
    expect(bearerMatches(undefined, 's3cret-scrape-token-1')).toBe(false);
  });
});
