import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { sqlDatetime } from '@keyhouse/api-persistence';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, In } from 'typeorm';
import { OutboxEmail } from '../entities';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from '../notification-options';

export const MAX_ATTEMPTS = 8;
const BATCH_SIZE = 20;
const POLL_MS = 1_000;
/** How long a claimed mail is left to its worker; a worker that died gives it up after this. */
const LEASE_MS = 60_000;

/** Seconds before the next try: 5, 10, 20... capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(5 * 2 ** (attempts - 1), 3600);
}

/**
 * Delivers the outbox over SMTP. Any number of workers may run on one database: each claims a
 * batch under a lease (MySQL: FOR UPDATE SKIP LOCKED; SQLite: one writer at a time), so a mail
 * is sent by one worker, and a crash only delays it until the lease runs out.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Outbox');
  private readonly transport?: Transporter;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
  ) {
    // Pooled: a batch goes out over a few kept-open connections instead of one connection a mail.
    this.transport = options.smtpUrl ? createTransport({ url: options.smtpUrl, pool: true, maxConnections: 5 } as Parameters<typeof createTransport>[0]) : undefined;
  }

  onApplicationBootstrap(): void {
    if (!this.transport) {
      this.logger.warn('SMTP_URL is not set: notifications stay in the outbox until it is');
      return;
    }
    this.timer = setInterval(() => void this.drainOnce(), POLL_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.draining;
    this.transport?.close();
  }

  /** Sends what is due until nothing is; answers how many mails were attempted. */
  async drain(): Promise<number> {
    // A run of the timer's may hold mails this one cannot claim: they are done first, so that
    // afterwards everything due has been tried.
    await this.draining;
    let attempted = 0;
    for (let batch = await this.claim(); batch.length; batch = await this.claim()) {
      await Promise.all(batch.map((mail) => this.deliver(mail)));
      attempted += batch.length;
    }
    return attempted;
  }

  private drainOnce(): void {
    if (this.draining) return;
    this.draining = this.drain()
      .then(() => undefined, (error: unknown) => this.logger.warn(`outbox paused: ${(error as Error).message}`))
      .finally(() => (this.draining = undefined));
  }

  private async claim(): Promise<OutboxEmail[]> {
    if (!this.transport) return [];
    const now = new Date();
    const skipLocked = this.dataSource.options.type === 'mysql' || this.dataSource.options.type === 'mariadb' ? ' FOR UPDATE SKIP LOCKED' : '';
    try {
      return await this.dataSource.transaction(async (db) => {
        const rows = (await db.query(
          `SELECT id FROM notification_outbox
            WHERE status = 'pending' AND nextAttemptAt <= ? AND (lockedUntil IS NULL OR lockedUntil < ?)
            ORDER BY id LIMIT ${BATCH_SIZE}${skipLocked}`,
          [sqlDatetime(now), sqlDatetime(now)],
        )) as Array<{ id: number }>;
        if (rows.length === 0) return [];
        const ids = rows.map((row) => Number(row.id));
        await db.getRepository(OutboxEmail).update({ id: In(ids) }, { lockedUntil: new Date(now.getTime() + LEASE_MS) });
        return db.getRepository(OutboxEmail).findBy({ id: In(ids) });
      });
    } catch (error) {
      // Another SQLite writer got there first: its batch is its own, ours comes next tick.
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return [];
      throw error;
    }
  }

  private async deliver(mail: OutboxEmail): Promise<void> {
    const outbox = this.dataSource.getRepository(OutboxEmail);
    try {
      await this.transport?.sendMail({ from: this.options.from, to: mail.recipient, subject: mail.subject, html: mail.html });
      await outbox.update({ id: mail.id }, { status: 'sent', sentAt: new Date(), attempts: mail.attempts + 1, lastError: null, lockedUntil: null });
    } catch (error) {
      const attempts = mail.attempts + 1;
      await outbox.update(
        { id: mail.id },
        {
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          attempts,
          lastError: String((error as Error).message).slice(0, 1000),
          nextAttemptAt: new Date(Date.now() + backoffSeconds(attempts) * 1000),
          lockedUntil: null,
        },
      );
    }
  }
}
