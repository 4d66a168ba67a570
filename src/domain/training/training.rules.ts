// Pure rules of group training: the absence alert, attendance rates, module coverage.
import type { attendanceStatuses, coverageStatuses } from '../../shared/contracts/training.ts';
import { trainingRules } from '../../shared/limits.ts';

type AttendanceStatus = (typeof attendanceStatuses)[number];
type Coverage = (typeof coverageStatuses)[number];

/**
 * The curriculum's default modules, in order, as the report lists them (§2.2.1): the national lead can rename,
 * reorder, switch off and add modules. The keys never change; the web app translates them.
 */
export const defaultModules = [
  'self_knowledge', // zelfkennis en competenties
  'occupations', // realistisch beeld van beroepen in Nederland
  'labour_market', // de Nederlandse arbeidsmarkt en werkcultuur
  'cv', // een cv op basis van competenties
  'application', // sollicitatiebrief en -gesprek
  'pitch', // de persoonlijke pitch
  'networking', // netwerken
  'practical_experience', // praktijkervaring opdoen
  'employee_skills', // werknemersvaardigheden
] as const;

/** How many of the latest marks (newest first) are absences without notice, up to the first other mark. */
export function absencesInARow(newestFirst: readonly AttendanceStatus[]): number {
  let n = 0;
  for (const status of newestFirst) {
    if (status !== 'absent_no_notice') break;
    n++;
  }
  return n;
}

/** The coach is alerted when the latest marks are this many absences without notice in a row (a setting). */
export const needsAbsenceAlert = (newestFirst: readonly AttendanceStatus[]) =>
  absencesInARow(newestFirst) >= trainingRules.absencesInARowAlert;

/** Present or late, of all marks; null without marks. Late counts as there: they came. */
export function attendanceRate(marks: readonly AttendanceStatus[]): number | null {
  if (marks.length === 0) return null;
  return marks.filter((s) => s === 'present' || s === 'late').length / marks.length;
}

/**
 * Which modules a cohort has covered: `done` when a session before today covered it, `planned` when only a
 * session from today on does, `missing` when no session does yet. Switched-off modules are left out.
 */
export function moduleCoverage<M extends { id: string; isActive: boolean }>(
  modules: readonly M[],
  sessions: readonly { date: string; moduleIds: readonly string[] }[],
  today: string,
): (M & { status: Coverage })[] {
  return modules
    .filter((m) => m.isActive)
    .map((m) => {
      const covering = sessions.filter((s) => s.moduleIds.includes(m.id));
      const status: Coverage = covering.some((s) => s.date < today)
        ? 'done'
        : covering.length
          ? 'planned'
          : 'missing';
      return { ...m, status };
    });
}
