// Every table, for drizzle-kit and the typed client. Each module owns its own tables.
export * from './organisation/organisation.table.ts';
export * from './employers/employers.table.ts';
export * from './access/access.table.ts';
export * from './notifications/notifications.table.ts';
export * from './occupations/occupations.table.ts';
export * from './participants/participants.table.ts';
export * from './trajectories/trajectories.table.ts';
export * from './training/training.table.ts';
