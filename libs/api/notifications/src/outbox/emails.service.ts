import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { EmailDto } from '@keyhouse/shared-contracts';
import type { ListParams, Page } from '@keyhouse/api-persistence';
import { assertCan, type BackOfficeCaller } from '@keyhouse/api-platform';
import { toEmailDto } from '../dto';
import type { OutboxEmail } from '../entities';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from '../notification-options';
import { OutboxRepository } from './outbox.repository';

/** The outbox as the console shows it ("Emails"): each mail to the members of the organization it is about. */
@Injectable()
export class EmailsService {
  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
  ) {}

  async list(caller: BackOfficeCaller, params: ListParams): Promise<Page<EmailDto>> {
    const page = await this.outbox.list(caller.reach.organizationsWith('notifications.view'), params);
    return { ...page, items: page.items.map((email) => toEmailDto(email, this.smtpConfigured)) };
  }

  /** With the rendered HTML, for the preview. */
  async get(caller: BackOfficeCaller, id: number): Promise<EmailDto> {
    return toEmailDto(await this.find(caller, id), this.smtpConfigured, true);
  }

  /** Queues the mail again, from a clean slate: for a failed mail once the cause is fixed. */
  async resend(caller: BackOfficeCaller, id: number): Promise<EmailDto> {
    const email = await this.find(caller, id);
    assertCan(caller.reach, 'notifications.edit', email.organizationId);
    await this.outbox.requeue(id);
    return this.get(caller, id);
  }

  private get smtpConfigured(): boolean {
    return Boolean(this.options.smtpUrl);
  }

  private async find(caller: BackOfficeCaller, id: number): Promise<OutboxEmail> {
    const email = await this.outbox.findVisible(caller.reach.organizationsWith('notifications.view'), id);
    if (!email) throw new NotFoundException({ message: `Email ${id} not found.` });
    return email;
  }
}
