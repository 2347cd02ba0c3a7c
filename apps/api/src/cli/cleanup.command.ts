import { describeDatabase } from '@keyhouse/api-persistence';
import type { AppConfig } from '../config/app-config';
import { CleanupRunner } from '../cleanup/cleanup-runner';
import { parseCommandLine } from './command-line';
import { withServices } from './context';

/** `cleanup`: what every instance runs each CLEANUP_INTERVAL_SECONDS, now. */
export async function cleanup(args: string[], config: AppConfig): Promise<string> {
  parseCommandLine('cleanup', args, {});
  const deleted = await withServices(config, (services) => services.get(CleanupRunner).run(new Date()));
  const width = Math.max(...Object.keys(deleted).map((table) => table.length));
  return [
    `Deleted expired rows from ${describeDatabase(config.database)}:`,
    ...Object.entries(deleted).map(([table, count]) => `  ${table.padEnd(width)}  ${count}`),
  ].join('\n');
}
