/** From a client_credentials token (well under a millisecond of our own work) to a password grant (a slow KDF). */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

interface Timing {
  /** Observations per bucket, not cumulative: the exposition adds them up. */
  perBucket: number[];
  sum: number;
  count: number;
}

/** The counts as plain data, to be added to another process's (node:cluster workers). */
export interface TokenRequestSnapshot {
  issued: Array<{ grant: string; outcome: string; count: number }>;
  durations: Array<{ grant: string } & Timing>;
}

/**
 * `keyhouse_tokens_issued_total` and `keyhouse_token_request_duration_seconds`, kept as plain
 * numbers: recording a request is two map lookups and a few additions (prom-client would validate
 * and hash the labels on every call), and the text is only written when Prometheus scrapes.
 * Grants and outcomes come from closed sets, so the maps stay small.
 */
export class TokenRequestStats {
  private readonly issued = new Map<string, { grant: string; outcome: string; count: number }>();
  private readonly durations = new Map<string, Timing>();

  record(grant: string, outcome: string, seconds: number): void {
    const key = `${grant}\n${outcome}`;
    const issued = this.issued.get(key);
    if (issued) issued.count++;
    else this.issued.set(key, { grant, outcome, count: 1 });

    let timing = this.durations.get(grant);
    if (!timing) this.durations.set(grant, (timing = { perBucket: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 }));
    let bucket = 0;
    while (bucket < DURATION_BUCKETS.length && seconds > DURATION_BUCKETS[bucket]) bucket++;
    if (bucket < DURATION_BUCKETS.length) timing.perBucket[bucket]++;
    timing.sum += seconds;
    timing.count++;
  }

  snapshot(): TokenRequestSnapshot {
    return {
      issued: [...this.issued.values()].map((issued) => ({ ...issued })),
      durations: [...this.durations].map(([grant, { perBucket, sum, count }]) => ({ grant, perBucket: [...perBucket], sum, count })),
    };
  }

  /** Adds another process's counts to these. */
  add({ issued, durations }: TokenRequestSnapshot): void {
    for (const { grant, outcome, count } of issued) {
      const key = `${grant}\n${outcome}`;
      const known = this.issued.get(key);
      if (known) known.count += count;
      else this.issued.set(key, { grant, outcome, count });
    }
    for (const { grant, perBucket, sum, count } of durations) {
      const timing = this.durations.get(grant);
      if (!timing) {
        this.durations.set(grant, { perBucket: [...perBucket], sum, count });
        continue;
      }
      perBucket.forEach((observations, bucket) => (timing.perBucket[bucket] += observations));
      timing.sum += sum;
      timing.count += count;
    }
  }

  /** Prometheus text format 0.0.4. */
  render(): string {
    const lines = [
      '# HELP keyhouse_tokens_issued_total Token requests answered, by grant type and outcome (success or the OAuth error code).',
      '# TYPE keyhouse_tokens_issued_total counter',
      ...[...this.issued.values()].map(({ grant, outcome, count }) => `keyhouse_tokens_issued_total{grant="${escape(grant)}",outcome="${escape(outcome)}"} ${count}`),
      '# HELP keyhouse_token_request_duration_seconds Time to answer a token request, by grant type.',
      '# TYPE keyhouse_token_request_duration_seconds histogram',
    ];
    for (const [grant, { perBucket, sum, count }] of this.durations) {
      const label = `grant="${escape(grant)}"`;
      let cumulative = 0;
      DURATION_BUCKETS.forEach((le, index) => {
        cumulative += perBucket[index];
        lines.push(`keyhouse_token_request_duration_seconds_bucket{le="${le}",${label}} ${cumulative}`);
      });
      lines.push(
        `keyhouse_token_request_duration_seconds_bucket{le="+Inf",${label}} ${count}`,
        `keyhouse_token_request_duration_seconds_sum{${label}} ${sum}`,
        `keyhouse_token_request_duration_seconds_count{${label}} ${count}`,
      );
    }
    return `${lines.join('\n')}\n`;
  }
}

/** Label values escape backslash, double quote and line feed (text format 0.0.4). */
function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
