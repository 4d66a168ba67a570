import type { ResponseOf } from './api.ts';

/** A participant's question with its answers, as the coach team and the portal both get it. */
export type Question = ResponseOf<'GET', '/api/trajectories/:id/questions'>['items'][number];

/** The id of the questions in the file's coaching tab: the caseload's 'today' list links there. */
export const questionsAnchor = 'questions';

/** `waiting`: nobody answered yet; `answered`: answered, still open; `closed`: the coach team closed it. */
export type QuestionState = 'waiting' | 'answered' | 'closed';

export const questionState = (question: Question): QuestionState =>
  question.closedAt ? 'closed' : question.answers.length === 0 ? 'waiting' : 'answered';

const rank: Record<QuestionState, number> = { waiting: 0, answered: 1, closed: 2 };

/**
 * For the coach team: open questions first, those without an answer at the top, the longest waiting first; then
 * the closed ones, the most recently closed first.
 */
export function openFirst(questions: Question[]): Question[] {
  return [...questions].sort((a, b) => {
    const byState = rank[questionState(a)] - rank[questionState(b)];
    if (byState !== 0) return byState;
    if (a.closedAt && b.closedAt) return b.closedAt.localeCompare(a.closedAt);
    return a.askedAt.localeCompare(b.askedAt);
  });
}
