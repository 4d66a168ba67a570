import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Contributions, JobDefinition } from '../domain/context.ts';
import { accessJobs } from '../domain/access/index.ts';
import { participantContributions } from '../domain/participants/index.ts';
import { trajectoryJobs } from '../domain/trajectories/index.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { organisationRoutes } from './routes/organisation.routes.ts';
import { participantRoutes } from './routes/participants.routes.ts';
import { trajectoryRoutes } from './routes/trajectories.routes.ts';
import { trainingRoutes } from './routes/training.routes.ts';
import { trainingContributions } from '../domain/training/index.ts';
import { userRoutes } from './routes/users.routes.ts';

/**
 * What a module adds to the server: its routes (each declares its access), its jobs, and what it contributes to
 * views other modules own (the timeline, the coach's "today" list, the portal).
 */
export type ServerModule = {
  name: string;
  routes: FastifyPluginAsyncZod;
  jobs?: JobDefinition[];
  contributes?: Partial<Contributions>;
};

/**
 * Every module of the server, in one list: a new module is one line here (see docs/architecture.md, "Adding a
 * module"). The system routes (health, outbox, jobs) are the app's own, in app.ts.
 */
export const modules: ServerModule[] = [
  { name: 'access', routes: authRoutes, jobs: accessJobs },
  { name: 'users', routes: userRoutes },
  { name: 'organisation', routes: organisationRoutes },
  { name: 'participants', routes: participantRoutes, contributes: participantContributions },
  { name: 'trajectories', routes: trajectoryRoutes, jobs: trajectoryJobs },
  { name: 'training', routes: trainingRoutes, contributes: trainingContributions },
];

export const moduleJobs: JobDefinition[] = modules.flatMap((m) => m.jobs ?? []);

export const moduleContributions: Contributions = {
  timeline: modules.flatMap((m) => m.contributes?.timeline ?? []),
  today: modules.flatMap((m) => m.contributes?.today ?? []),
  portal: modules.flatMap((m) => m.contributes?.portal ?? []),
};
