import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { OutboxEmail } from '../entities';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from '../notification-options';
import { OutboxRepository } from './outbox.repository';

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
    private readonly outbox: OutboxRepository,
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
    try {
      return await this.outbox.claimDue(now, BATCH_SIZE, new Date(now.getTime() + LEASE_MS));
    } catch (error) {
      // Another SQLite writer got there first: its batch is its own, ours comes next tick.
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return [];
      throw error;
    }
  }

  private async deliver(mail: OutboxEmail): Promise<void> {
    try {
      await this.transport?.sendMail({ from: this.options.from, to: mail.recipient, subject: mail.subject, html: mail.html });
      await this.outbox.markSent(mail);
    } catch (error) {
      const attempts = mail.attempts + 1;
      await this.outbox.markFailed(mail, {
        status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
        attempts,
        lastError: String((error as Error).message).slice(0, 1000),
        nextAttemptAt: new Date(Date.now() + backoffSeconds(attempts) * 1000),
      });
    }
  }
}
