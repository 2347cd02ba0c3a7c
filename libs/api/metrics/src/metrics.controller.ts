import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res, UnauthorizedException } from '@nestjs/common';
import { Public } from '@keyhouse/api-platform';
import type { FastifyReply } from 'fastify';
import { Metrics } from './metrics';
import { METRICS_OPTIONS, type MetricsOptions } from './metrics-options';

/** GET /metrics for Prometheus. Open unless METRICS_TOKEN is set: firewall it then. */
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(METRICS_OPTIONS) private readonly options: MetricsOptions,
  ) {}

  @Get()
  scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (this.options.bearerToken !== undefined && !bearerMatches(authorization, this.options.bearerToken)) {
      reply.header('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException({ message: 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.' });
    }
    reply.header('Content-Type', this.metrics.contentType).header('Cache-Control', 'no-store');
    return this.metrics.render();
  }
}

/** Compares digests, so neither the token's length nor its content shows in the timing. */
export function bearerMatches(authorization: string | undefined, expected: string): boolean {
  const match = /^Bearer +(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(expected));
}
