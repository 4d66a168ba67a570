import { expect, it } from 'vitest';
import { programmeDay, programmeInstant, programmeTime } from './dates.ts';

it("the programme's day changes at midnight Dutch time, in winter and in summer", () => {
  expect(programmeDay(new Date('2026-01-14T22:59:00Z'))).toBe('2026-01-14');
  expect(programmeDay(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-15'); // 00:30 CET
  expect(programmeDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  expect(programmeDay(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02'); // 00:30 CEST
});

it('a day and time in Dutch time is the right moment, in winter, in summer and around the clock changes', () => {
  expect(programmeInstant('2026-01-14', '09:30').toISOString()).toBe('2026-01-14T08:30:00.000Z');
  expect(programmeInstant('2026-07-01', '09:30').toISOString()).toBe('2026-07-01T07:30:00.000Z');
  expect(programmeInstant('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T00:30:00.000Z');
  expect(programmeInstant('2026-03-29', '03:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  expect(programmeInstant('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z'); // skipped hour
  expect(programmeInstant('2026-10-25', '12:00').toISOString()).toBe('2026-10-25T11:00:00.000Z');
  expect(programmeTime(new Date('2026-07-01T07:30:00Z'))).toBe('09:30');
  expect(programmeTime(new Date('2026-01-14T23:05:00Z'))).toBe('00:05');
});
