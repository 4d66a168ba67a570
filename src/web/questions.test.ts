import { describe, expect, it } from 'vitest';
import { openFirst, questionState, type Question } from './questions.ts';

const answer = { body: 'Ja', at: '2026-03-03T10:00:00.000Z', byName: 'Joost' };
const question = (id: string, askedAt: string, more: Partial<Question> = {}): Question => ({
  id,
  body: `Vraag ${id}`,
  askedAt,
  closedAt: null,
  answers: [],
  ...more,
});

describe('questions', () => {
  it('are waiting, answered or closed', () => {
    expect(questionState(question('a', '2026-03-01T09:00:00.000Z'))).toBe('waiting');
    expect(questionState(question('a', '2026-03-01T09:00:00.000Z', { answers: [answer] }))).toBe('answered');
    expect(
      questionState(question('a', '2026-03-01T09:00:00.000Z', { closedAt: '2026-03-04T09:00:00.000Z' })),
    ).toBe('closed');
  });

  it('show the open ones first: unanswered and longest waiting on top, then the most recently closed', () => {
    const sorted = openFirst([
      question('closed-early', '2026-02-01T09:00:00.000Z', { closedAt: '2026-02-02T09:00:00.000Z' }),
      question('answered', '2026-02-15T09:00:00.000Z', { answers: [answer] }),
      question('new', '2026-03-05T09:00:00.000Z'),
      question('closed-late', '2026-01-01T09:00:00.000Z', { closedAt: '2026-03-01T09:00:00.000Z' }),
      question('old', '2026-03-01T09:00:00.000Z'),
    ]);
    expect(sorted.map((q) => q.id)).toEqual(['old', 'new', 'answered', 'closed-late', 'closed-early']);
  });

  it('leave the list they were given alone', () => {
    const list = [question('b', '2026-03-02T09:00:00.000Z'), question('a', '2026-03-01T09:00:00.000Z')];
    openFirst(list);
    expect(list.map((q) => q.id)).toEqual(['b', 'a']);
  });
});
