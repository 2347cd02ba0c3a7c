export * from './entities';
export * from './notifications.module';
export { OutboxWorker, MAX_ATTEMPTS, backoffSeconds } from './outbox/outbox-worker';
export { countOutboxBacklog } from './outbox/outbox-backlog';
