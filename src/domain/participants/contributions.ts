import { asc, eq } from 'drizzle-orm';
import type { Contributions } from '../context.ts';
import { languageLevel } from './participants.table.ts';

/** The participants module on others' views: each Dutch level assessed is a line on the timeline. */
export const participantContributions: Partial<Contributions> = {
  timeline: [
    async (tx, { participantId }) =>
      (
        await tx
          .select()
          .from(languageLevel)
          .where(eq(languageLevel.participantId, participantId))
          .orderBy(asc(languageLevel.assessedOn))
      ).map((l) => ({
        kind: 'language',
        at: l.assessedOn,
        title: 'language.assessed',
        text: null,
        byId: null,
        data: { skill: l.skill, level: l.level, source: l.source },
      })),
  ],
};
