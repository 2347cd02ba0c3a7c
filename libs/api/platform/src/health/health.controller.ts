import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '../public.decorator';
import { Draining } from './draining';

const PROBE_TIMEOUT_MS = 2_000;

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly draining: Draining,
  ) {}

  /** The process answers: for a liveness probe, never touches the database. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Ready to serve: not stopping, and the database answers within two seconds. */
  @Get('ready')
  @HttpCode(200)
  async ready() {
    if (this.draining.started) throw new ServiceUnavailableException({ message: 'Shutting down.' });
    const up = await Promise.race([
      this.dataSource.query('SELECT 1').then(() => true, () => false),
      new Promise<false>((resolve) => setTimeout(resolve, PROBE_TIMEOUT_MS, false).unref()),
    ]);
    if (!up) throw new ServiceUnavailableException({ message: 'Database unreachable.', checks: { database: 'down' } });
    return { status: 'ok', checks: { database: 'up' } };
  }
}
