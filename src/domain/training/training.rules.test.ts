import { describe, expect, it } from 'vitest';
import { trainingRules } from '../../shared/limits.ts';
import {
  absencesInARow,
  attendanceRate,
  defaultModules,
  moduleCoverage,
  needsAbsenceAlert,
} from './training.rules.ts';

describe('the absence alert', () => {
  it('counts only the latest absences without notice, up to another mark', () => {
    expect(absencesInARow(['absent_no_notice', 'absent_no_notice', 'present', 'absent_no_notice'])).toBe(2);
    expect(absencesInARow(['present', 'absent_no_notice'])).toBe(0);
    expect(absencesInARow([])).toBe(0);
  });

  it('alerts at the setting (three in a row), not before, and not for absences with notice', () => {
    expect(trainingRules.absencesInARowAlert).toBe(3);
    expect(needsAbsenceAlert(['absent_no_notice', 'absent_no_notice', 'absent_no_notice'])).toBe(true);
    expect(needsAbsenceAlert(['absent_no_notice', 'absent_no_notice', 'present'])).toBe(false);
    expect(needsAbsenceAlert(['absent_no_notice', 'absent_notice', 'absent_no_notice'])).toBe(false);
    expect(needsAbsenceAlert(['absent_no_notice', 'late', 'absent_no_notice', 'absent_no_notice'])).toBe(
      false,
    );
    expect(
      needsAbsenceAlert(['absent_no_notice', 'absent_no_notice', 'absent_no_notice', 'absent_no_notice']),
    ).toBe(true);
  });
});

describe('attendance rate', () => {
  it('counts present and late as there', () => {
    expect(attendanceRate(['present', 'late', 'absent_notice', 'absent_no_notice'])).toBe(0.5);
    expect(attendanceRate(['present'])).toBe(1);
    expect(attendanceRate([])).toBeNull();
  });
});

describe('module coverage', () => {
  const modules = [
    { id: 'a', isActive: true },
    { id: 'b', isActive: true },
    { id: 'c', isActive: true },
    { id: 'off', isActive: false },
  ];
  it('is done before today, planned from today on, missing without a session; switched-off modules are left out', () => {
    const coverage = moduleCoverage(
      modules,
      [
        { date: '2026-03-01', moduleIds: ['a'] },
        { date: '2026-03-02', moduleIds: ['b', 'off'] },
        { date: '2026-03-09', moduleIds: ['a', 'b'] },
      ],
      '2026-03-02',
    );
    expect(coverage.map((m) => [m.id, m.status])).toEqual([
      ['a', 'done'],
      ['b', 'planned'],
      ['c', 'missing'],
    ]);
  });
  it("has the report's nine modules as defaults", () => {
    expect(defaultModules).toHaveLength(9);
    expect(new Set(defaultModules).size).toBe(9);
  });
});
