import { expect, it } from 'vitest';
import { programmeDay } from './dates.ts';

it("the programme's day changes at midnight Dutch time, in winter and in summer", () => {
  expect(programmeDay(new Date('2026-01-14T22:59:00Z'))).toBe('2026-01-14');
  expect(programmeDay(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-15'); // 00:30 CET
  expect(programmeDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  expect(programmeDay(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02'); // 00:30 CEST
});
