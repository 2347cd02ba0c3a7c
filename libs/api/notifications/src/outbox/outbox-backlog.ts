import type { DataSource } from 'typeorm';
import { OutboxEmail, type OutboxStatus } from '../entities';

export type OutboxBacklog = Record<Exclude<OutboxStatus, 'sent'>, number>;

/** Mail not sent yet, by status: one grouped count over the (status, nextAttemptAt) index. */
export async function countOutboxBacklog(dataSource: DataSource): Promise<OutboxBacklog> {
  const rows = await dataSource
    .getRepository(OutboxEmail)
    .createQueryBuilder('mail')
    .select('mail.status', 'status')
    .addSelect('COUNT(*)', 'count')
    .where('mail.status IN (:...statuses)', { statuses: ['pending', 'failed'] })
    .groupBy('mail.status')
    .getRawMany<{ status: keyof OutboxBacklog; count: number | string }>();
  const backlog: OutboxBacklog = { pending: 0, failed: 0 };
  for (const row of rows) backlog[row.status] = Number(row.count);
  return backlog;
}
