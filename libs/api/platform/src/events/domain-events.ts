import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface DomainEvent {
  type: string;
}

export type DomainEventHandler<E extends DomainEvent = DomainEvent> = (event: E, db: EntityManager) => Promise<void>;

/**
 * Features publish what happened; other libraries (notifications) subscribe without the
 * features knowing them. Handlers run inside the publisher's transaction, so what they write
 * (an outbox row) commits or rolls back with the change itself.
 */
@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<string, DomainEventHandler[]>();

  subscribe<E extends DomainEvent>(types: readonly E['type'][], handler: DomainEventHandler<E>): void {
    for (const type of types) this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler as DomainEventHandler]);
  }

  async publish(event: DomainEvent, db: EntityManager): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) await handler(event, db);
  }
}
