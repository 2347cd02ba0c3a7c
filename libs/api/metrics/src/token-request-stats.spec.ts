import { TokenRequestStats } from './token-request-stats';

describe('TokenRequestStats', () => {
  it('writes a counter per grant and outcome, and a cumulative histogram per grant', () => {
    const stats = new TokenRequestStats();
    stats.record('password', 'success', 0.07);
    stats.record('password', 'invalid_grant', 0.0009);
    stats.record('password', 'success', 3);
    const lines = stats.render().split('\n');

    expect(lines).toContain('# TYPE keyhouse_tokens_issued_total counter');
    expect(lines).toContain('keyhouse_tokens_issued_total{grant="password",outcome="success"} 2');
    expect(lines).toContain('keyhouse_tokens_issued_total{grant="password",outcome="invalid_grant"} 1');
    expect(lines).toContain('# TYPE keyhouse_token_request_duration_seconds histogram');
    expect(lines.filter((line) => line.startsWith('keyhouse_token_request_duration_seconds_bucket'))).toEqual([
      'keyhouse_token_request_duration_seconds_bucket{le="0.001",grant="password"} 1',
      'keyhouse_token_request_duration_seconds_bucket{le="0.0025",grant="password"} 1',
      'keyhouse_token_request_duration_seconds_bucket{le="0.005",grant="password"} 1',
      'keyhouse_token_request_duration_seconds_bucket{le="0.01",grant="password"} 1',
      'keyhouse_token_request_duration_seconds_bucket{le="0.025",grant="password"} 1',
      'keyhouse_token_request_duration_seconds_bucket{le="0.05",grant="password"} 1',
      'keyhouse_token_request_duration_seconds_bucket{le="0.1",grant="password"} 2',
      'keyhouse_token_request_duration_seconds_bucket{le="0.25",grant="password"} 2',
      'keyhouse_token_request_duration_seconds_bucket{le="0.5",grant="password"} 2',
      'keyhouse_token_request_duration_seconds_bucket{le="1",grant="password"} 2',
      'keyhouse_token_request_duration_seconds_bucket{le="2.5",grant="password"} 2',
      'keyhouse_token_request_duration_seconds_bucket{le="+Inf",grant="password"} 3',
    ]);
    expect(lines).toContain('keyhouse_token_request_duration_seconds_count{grant="password"} 3');
    expect(Number(lines.find((line) => line.startsWith('keyhouse_token_request_duration_seconds_sum'))?.split(' ')[1])).toBeCloseTo(3.0709);
  });

  it('counts an observation equal to a bound in that bucket', () => {
    const stats = new TokenRequestStats();
    stats.record('client_credentials', 'success', 0.005);
    expect(stats.render()).toContain('keyhouse_token_request_duration_seconds_bucket{le="0.005",grant="client_credentials"} 1');
    expect(stats.render()).toContain('keyhouse_token_request_duration_seconds_bucket{le="0.0025",grant="client_credentials"} 0');
  });

  it('escapes label values as the text format requires', () => {
    const stats = new TokenRequestStats();
    stats.record('a"b\\c', 'line\nbreak', 0.001);
    expect(stats.render()).toContain('keyhouse_tokens_issued_total{grant="a\\"b\\\\c",outcome="line\\nbreak"} 1');
  });

  it("adds another process's counts to its own, by grant, outcome and bucket", () => {
    const [one, other] = [new TokenRequestStats(), new TokenRequestStats()];
    one.record('password', 'success', 0.07);
    one.record('client_credentials', 'success', 0.002);
    other.record('password', 'success', 0.3);
    other.record('password', 'invalid_grant', 0.0009);
    const sum = new TokenRequestStats();
    sum.add(one.snapshot());
    sum.add(other.snapshot());
    const lines = sum.render().split('\n');
    expect(lines).toContain('keyhouse_tokens_issued_total{grant="password",outcome="success"} 2');
    expect(lines).toContain('keyhouse_tokens_issued_total{grant="password",outcome="invalid_grant"} 1');
    expect(lines).toContain('keyhouse_tokens_issued_total{grant="client_credentials",outcome="success"} 1');
    expect(lines).toContain('keyhouse_token_request_duration_seconds_bucket{le="0.001",grant="password"} 1');
    expect(lines).toContain('keyhouse_token_request_duration_seconds_bucket{le="0.1",grant="password"} 2');
    expect(lines).toContain('keyhouse_token_request_duration_seconds_bucket{le="0.5",grant="password"} 3');
    expect(lines).toContain('keyhouse_token_request_duration_seconds_count{grant="password"} 3');
    expect(Number(lines.find((line) => line.startsWith('keyhouse_token_request_duration_seconds_sum{grant="password"}'))?.split(' ')[1])).toBeCloseTo(0.3709);
  });

  it('hands out a snapshot that later requests do not change', () => {
    const stats = new TokenRequestStats();
    stats.record('password', 'success', 0.07);
    const snapshot = stats.snapshot();
    stats.record('password', 'success', 0.07);
    expect(snapshot.issued).toEqual([{ grant: 'password', outcome: 'success', count: 1 }]);
    expect(snapshot.durations[0]?.count).toBe(1);
  });

  it('writes only the headers before the first request', () => {
    expect(new TokenRequestStats().render().split('\n').filter(Boolean).every((line) => line.startsWith('#'))).toBe(true);
  });
});
