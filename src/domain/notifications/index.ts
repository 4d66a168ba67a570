export { outboxSender, findOutboxMessages, storeInOutbox, markDelivered, isDelivered } from './outbox.ts';
export { templates } from './messages.ts';
