export { outboxSender, findOutboxMessages } from './outbox.ts';
export { templates } from './messages.ts';
