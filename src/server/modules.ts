import type { JobDefinition } from '../domain/context.ts';
import { accessJobs } from '../domain/access/index.ts';

/** The modules' jobs, registered with the queue at start. A new module adds its list here. */
export const moduleJobs: JobDefinition[] = [...accessJobs];
