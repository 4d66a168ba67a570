import { asc, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { curriculumCreate, curriculumUpdate } from '../../shared/contracts/training.ts';
import { audit } from '../access/index.ts';
import { DomainError, type Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { defaultModules } from './training.rules.ts';
import { trainingModule } from './training.table.ts';

/** The report's default modules, loaded once into every database (reference data); loading twice adds nothing. */
export async function loadDefaultCurriculum(db: Db) {
  const [existing] = await db.select({ n: count() }).from(trainingModule);
  if (existing && existing.n > 0) return;
  await db
    .insert(trainingModule)
    .values(defaultModules.map((key, index) => ({ key, position: (index + 1) * 10 })))
    .onConflictDoNothing();
}

const toModule = (m: typeof trainingModule.$inferSelect) => ({
  id: m.id,
  key: m.key,
  title: m.title,
  position: m.position,
  isActive: m.isActive,
});

/** The curriculum, in order. */
export async function listModules(ctx: Ctx) {
  const rows = await ctx.db
    .select()
    .from(trainingModule)
    .orderBy(asc(trainingModule.position), asc(trainingModule.id));
  return { items: rows.map(toModule) };
}

/** The national lead adds a module of their own. */
export async function addModule(ctx: Ctx, input: z.infer<typeof curriculumCreate>) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(trainingModule).values(input).returning();
    await audit(ctx, tx, { action: 'create', entityType: 'training_module', entityId: row!.id });
    return toModule(row!);
  });
}

/** The national lead renames, reorders or switches off a module (switched off: kept for past sessions). */
export async function updateModule(ctx: Ctx, id: string, input: z.infer<typeof curriculumUpdate>) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(trainingModule).set(input).where(eq(trainingModule.id, id)).returning();
    if (!row) throw new DomainError('resource.not_found');
    await audit(ctx, tx, { action: 'update', entityType: 'training_module', entityId: id, detail: input });
    return toModule(row);
  });
}
