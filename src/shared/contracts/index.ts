export * from './common.ts';
export * from './auth.ts';
export * from './organisation.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './outbox.ts';
export * from './health.ts';
